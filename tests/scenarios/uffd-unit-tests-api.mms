# Port of tools/testing/selftests/mm/uffd-unit-tests.c, test_uffd_api
# (the userfaultfd(2) variant): UFFDIO_API refuses an api other than
# UFFD_API (0xaa) and a feature bit the kernel does not know (bit 63),
# without initializing the userfaultfd; then the handshake succeeds once,
# and a second one, whatever its features, is refused.
uffd_api 0 api=0xab => EINVAL
uffd_api 0x8000000000000000 => EINVAL
uffd_api 0
uffd_api 1 => EINVAL
uffd_api 0 => EINVAL
# Every other ioctl works only after the handshake: it did happen.
mmap a 1p rw- private
uffd_register a 1p missing
