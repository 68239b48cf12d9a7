# Port of tools/testing/selftests/mm/uffd-unit-tests.c, case
# register-ioctls on shmem (MAP_SHARED of a memfd): UFFDIO_REGISTER with
# each of the eight combinations of the MISSING, WP and MINOR modes. No
# mode at all is EINVAL; otherwise uffdio_register.ioctls names the range
# ioctls the monitor may use: WAKE, COPY, ZEROPAGE, MOVE and POISON
# always, WRITEPROTECT only with WP, CONTINUE only with MINOR.
memfd f 1p
mmap a 1p rw- shared file=f
uffd_api pagefault_flag_wp,wp_hugetlbfs_shmem,missing_shmem,minor_shmem,missing_hugetlbfs,minor_hugetlbfs
uffd_register a 1p 0 ioctls => EINVAL
uffd_register a 1p minor ioctls => wake copy zeropage move poison continue
uffd_unregister a 1p
uffd_register a 1p wp ioctls => wake copy zeropage move poison writeprotect
uffd_unregister a 1p
uffd_register a 1p missing,minor ioctls => wake copy zeropage move poison continue
uffd_unregister a 1p
uffd_register a 1p wp,minor ioctls => wake copy zeropage move poison writeprotect continue
uffd_unregister a 1p
uffd_register a 1p missing,wp,minor ioctls => wake copy zeropage move poison writeprotect continue
uffd_unregister a 1p
uffd_register a 1p missing ioctls => wake copy zeropage move poison
uffd_unregister a 1p
uffd_register a 1p missing,wp ioctls => wake copy zeropage move poison writeprotect
uffd_unregister a 1p
