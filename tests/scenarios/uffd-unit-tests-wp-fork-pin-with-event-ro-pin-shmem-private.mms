# Port of tools/testing/selftests/mm/uffd-unit-tests.c, case
# wp-fork-pin-with-event on shmem-private (MAP_PRIVATE of a memfd), second
# part: fork first, then a read-only long-term pin in the child, whose
# entry kept its uffd-wp bit (UFFD_FEATURE_EVENT_FORK): the pin unshares the page
# (the child gets its own copy, copy-on-read) and the copy keeps the bit.
# Model-only: the host backend pins through io_uring buffer
# registration, which is always writable - and a writable pin of the
# protected page would be a write fault for the monitor.
require model
memfd f 1p
mmap a 1p rw- private file=f
uffd_api pagefault_flag_wp,wp_hugetlbfs_shmem,event_fork
uffd_register a 1p wp
write a 1
uffd_wp a 1p
fork c
@c pagemap a => present uffd-wp
@c pin q a 1p ro
@c pagemap a => present excl uffd-wp
frame a @c a => different
@c read a => 1
@c write a 2 => uffd-wp
@c unpin q
@c exit
read a => 1
