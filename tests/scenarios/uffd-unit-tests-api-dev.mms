# Port of tools/testing/selftests/mm/uffd-unit-tests.c, test_uffd_api
# with the handle made through /dev/userfaultfd (USERFAULTFD_IOC_NEW)
# instead of userfaultfd(2): the same checks, the same answers.  UFFDIO_API
# refuses an api other than UFFD_API and an unknown feature bit (63)
# without initializing; the handshake then succeeds once, and a second
# one is refused.  (The model has no file for a userfaultfd: both ways
# give it the same context.)
uffd_api 0 dev api=0xab => EINVAL
uffd_api 0x8000000000000000 => EINVAL
uffd_api 0
uffd_api 1 => EINVAL
mmap a 1p rw- private
uffd_register a 1p missing
read a => uffd-missing
uffd_zeropage a 1p
read a => 0
