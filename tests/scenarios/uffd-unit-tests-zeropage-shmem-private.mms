# Port of tools/testing/selftests/mm/uffd-unit-tests.c, case zeropage on
# shmem-private (MAP_PRIVATE of a memfd): a private mapping fills like
# anonymous memory, so UFFDIO_ZEROPAGE maps the shared zero page and
# leaves the file's page cache alone; a second one is EEXIST.
memfd f 2p
pwrite f 0 0x33
mmap a 2p rw- private file=f
uffd_register a 1p missing ioctls => wake copy zeropage move poison
uffd_zeropage a 1p
read a 4096 => 0
pagemap a => present
uffd_zeropage a 1p => EEXIST
pread f 0 => 0x33
uffd_unregister a 1p
