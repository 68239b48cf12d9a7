# Port of tools/testing/selftests/mm/uffd-unit-tests.c, case wp-fork on
# anon (MAP_PRIVATE anonymous): without UFFD_FEATURE_EVENT_FORK a child
# inherits no userfaultfd, so the uffd-wp bit of a protected page is
# dropped in the child's copy of it - present, and again after the
# parent's entry was (tried to be) paged out.  Resolving the protection
# afterwards clears the bit, and a write then faults in no new protection.
mmap a 2p rw- private
uffd_api pagefault_flag_wp,wp_hugetlbfs_shmem
uffd_register a 2p wp
write a 1
uffd_wp a 1p
pagemap a => present excl uffd-wp
fork c1
@c1 pagemap a => present
@c1 exit
# MADV_PAGEOUT: with no swap on the host nothing is paged out; the entry
# stays present and protected, as the kernel's test accepts.
madvise a 1p pageout
pagemap a => present excl uffd-wp
fork c2
@c2 pagemap a => present
@c2 exit
uffd_unwp a 1p
pagemap a => present excl
write a 2
pagemap a => present excl
read a => 2
uffd_unregister a 2p
