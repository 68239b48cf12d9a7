# Port of tools/testing/selftests/mm/uffd-unit-tests.c, case zeropage on
# shmem (MAP_SHARED of a memfd, with a second mapping of it as the
# alias): UFFDIO_ZEROPAGE in a shared shmem mapping puts a zeroed page
# into the file's page cache and maps it (shmem has no zero page).
# Another UFFDIO_ZEROPAGE at that offset, through either mapping, finds
# the page cached: EEXIST.
memfd f 2p
mmap a 2p rw- shared file=f
mmap alias 2p rw- shared file=f
uffd_register a 1p missing ioctls => wake copy zeropage move poison
uffd_register alias 1p missing ioctls => wake copy zeropage move poison
read a => uffd-missing
uffd_zeropage a 1p
read a 4096 => 0
pagemap a => present file excl
smaps a Rss => 4 kB
uffd_zeropage a 1p => EEXIST
uffd_zeropage alias 1p => EEXIST
# the alias maps the cached page without asking the monitor
read alias => 0
write a 9
read alias => 9
uffd_unregister a 1p
uffd_unregister alias 1p
