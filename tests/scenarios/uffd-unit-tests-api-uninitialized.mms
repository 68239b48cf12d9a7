# Companion of uffd-unit-tests-api (test_uffd_api): a refused UFFDIO_API
# leaves the userfaultfd uninitialized, so the range ioctls still refuse
# to work (EINVAL), and a later UFFDIO_API with good arguments succeeds.
mmap a 1p rw- private
uffd_api 0 api=0 => EINVAL
uffd_copy a 1p 1 => EINVAL
uffd_zeropage a 1p => EINVAL
uffd_poison a 1p => EINVAL
uffd_wp a 1p => EINVAL
uffd_unregister a 1p => EINVAL
uffd_api sigbus,poison,move,minor_shmem,missing_shmem
uffd_api 0 => EINVAL
