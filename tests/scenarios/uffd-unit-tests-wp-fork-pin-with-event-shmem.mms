# Port of tools/testing/selftests/mm/uffd-unit-tests.c, case
# wp-fork-pin-with-event on shmem (MAP_SHARED of a memfd), first
# part: with UFFD_FEATURE_EVENT_FORK a pinned, write-protected page keeps
# its uffd-wp bit in the child - also where fork had to copy it at once
# because it may be pinned for DMA.  As in the wp-fork-pin port the pin
# is writable and comes before the protection (the host pins through
# io_uring).  The second part, a read-only pin taken in the child of its
# still protected page, is left out: a writable pin there is a write
# fault for the monitor (see docs/selftests.md).
memfd f 2p
mmap a 2p rw- shared file=f
uffd_api pagefault_flag_wp,wp_hugetlbfs_shmem,event_fork
uffd_register a 1p wp
write a 1
pin p a 1p
uffd_wp a 1p
fork c1
@c1 pagemap a => present file uffd-wp
@c1 read a => 1
@c1 write a 2 => uffd-wp
@c1 exit
unpin p
pagemap a => present file excl uffd-wp
uffd_unregister a 1p
