# Port of tools/testing/selftests/mm/uffd-unit-tests.c, case wp-fork on
# shmem (MAP_SHARED of a memfd): a protected present page shows uffd-wp;
# a child forked without UFFD_FEATURE_EVENT_FORK does not see it.
# MADV_DONTNEED zaps the entry, but the protection of a file page stays
# behind as a uffd-wp PTE marker (pagemap: swapped uffd-wp); the child
# still does not see it (a shared mapping's page tables are not copied).
# Resolving the marker clears it; the write that follows maps the cached
# page again, unprotected.
memfd f 2p
mmap a 2p rw- shared file=f
uffd_api pagefault_flag_wp,wp_hugetlbfs_shmem
uffd_register a 2p wp
write a 1
uffd_wp a 1p
pagemap a => present file excl uffd-wp
fork c1
@c1 pagemap a => none
@c1 read a => 1
@c1 pagemap a => present file
@c1 exit
madvise a 1p dontneed
pagemap a => swapped uffd-wp
fork c2
@c2 pagemap a => none
@c2 exit
uffd_unwp a 1p
pagemap a => none
write a 2
pagemap a => present file excl
read a => 2
uffd_unregister a 2p
