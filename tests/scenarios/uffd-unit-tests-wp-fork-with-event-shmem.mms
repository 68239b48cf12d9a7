# Port of tools/testing/selftests/mm/uffd-unit-tests.c, case
# wp-fork-with-event on shmem (MAP_SHARED of a memfd): with
# UFFD_FEATURE_EVENT_FORK the child gets a userfaultfd of its own (the
# monitor reads it from the fork event), its VMA stays registered and
# its copy of a protected entry keeps the uffd-wp bit - present, and
# again after the parent's entry was zapped or paged out.
# MADV_DONTNEED leaves the protection behind as a uffd-wp marker, which the child's copy of the page tables keeps too.
# Resolving the protection then clears the bit; a write faults in no
# new protection.
memfd f 2p
mmap a 2p rw- shared file=f
uffd_api pagefault_flag_wp,wp_hugetlbfs_shmem,event_fork
uffd_register a 2p wp
write a 1
uffd_wp a 1p
pagemap a => present file excl uffd-wp
fork c1
@c1 pagemap a => present file uffd-wp
@c1 write a 5 => uffd-wp
@c1 exit
madvise a 1p dontneed
pagemap a => swapped uffd-wp
fork c2
@c2 pagemap a => swapped uffd-wp
@c2 exit
uffd_unwp a 1p
write a 2
pagemap a => present file excl
read a => 2
uffd_unregister a 2p
