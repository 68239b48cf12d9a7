# Port of tools/testing/selftests/mm/uffd-unit-tests.c, case wp-fork-pin
# on shmem (MAP_SHARED of a memfd), without UFFD_FEATURE_EVENT_FORK:
# a pinned, write-protected page is copied at fork at once (fork's early
# COW of a maybe-DMA-pinned anonymous page) and the child's copy has no
# uffd-wp bit; nor has a child's entry when the child pins the page
# itself after fork.  The kernel's test takes read-only pins through
# gup_test; the host backend pins through io_uring, writable only, so
# here the first pin comes before the protection (a writable pin of a
# protected page would be a write fault for the monitor), and the
# child's pin after the fork breaks the COW the way an unsharing
# read-only pin would.
memfd f 1p
mmap a 1p rw- shared file=f
uffd_api pagefault_flag_wp,wp_hugetlbfs_shmem
uffd_register a 1p wp
write a 1
pin p a 1p
uffd_wp a 1p
pagemap a => present file excl uffd-wp
fork c1
@c1 pagemap a => none
@c1 read a => 1
@c1 exit
unpin p
fork c2
@c2 pin q a 1p
@c2 pagemap a => present file
@c2 read a => 1
@c2 unpin q
@c2 exit
pagemap a => present file excl uffd-wp
write a 2 => uffd-wp
uffd_unregister a 1p
