# Port of tools/testing/selftests/mm/uffd-unit-tests.c, case
# wp-fork-pin-with-event on shmem (MAP_SHARED of a memfd), second
# part: fork first, then a read-only long-term pin in the child, whose
# entry kept its uffd-wp bit (UFFD_FEATURE_EVENT_FORK): a shared page is not unshared: parent and child map the one page,
# and the child's entry keeps the bit.
# Model-only: the host backend pins through io_uring buffer
# registration, which is always writable - and a writable pin of the
# protected page would be a write fault for the monitor.
require model
memfd f 1p
mmap a 1p rw- shared file=f
uffd_api pagefault_flag_wp,wp_hugetlbfs_shmem,event_fork
uffd_register a 1p wp
write a 1
uffd_wp a 1p
fork c
@c pagemap a => present file uffd-wp
@c pin q a 1p ro
@c pagemap a => present file uffd-wp
frame a @c a => same
@c read a => 1
@c write a 2 => uffd-wp
@c unpin q
@c exit
read a => 1
