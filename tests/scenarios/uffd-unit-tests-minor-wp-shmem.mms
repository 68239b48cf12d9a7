# Port of tools/testing/selftests/mm/uffd-unit-tests.c, case minor-wp on
# shmem: as case minor, the alias registered for minor and write-protect
# faults, and the monitor answers with UFFDIO_CONTINUE_MODE_WP: the alias
# then maps the cached page write-protected (pagemap uffd-wp), so reads
# see the monitor's contents and a write goes to the monitor until it
# resolves the protection.
memfd f 2p
mmap a 2p rw- shared file=f
mmap alias 2p rw- shared file=f
uffd_api minor_shmem,minor_hugetlbfs,pagefault_flag_wp,wp_unpopulated
uffd_register alias 2p minor,wp ioctls => wake copy zeropage move poison writeprotect continue
write a 0x00 4096
write a+1p 0x01 4096
read alias => uffd-minor
write a 0xff 4096
uffd_continue alias 1p wp
pagemap alias => present file uffd-wp
read alias 4096 => 0xff
write alias 0xff => uffd-wp
uffd_unwp alias 1p
write alias 0xff
read alias+1p => uffd-minor
write a+1p 0xfe 4096
uffd_continue alias+1p 1p wp
read alias+1p 4096 => 0xfe
write alias+1p 0xfe => uffd-wp
uffd_unwp alias 2p
write alias+1p 0xfe
pagemap alias+1p => present file
