# Port of tools/testing/selftests/mm/uffd-unit-tests.c, case wp-fork on
# shmem-private (MAP_PRIVATE of a memfd): the write makes an anonymous
# copy of the file page, protected; a child forked without
# UFFD_FEATURE_EVENT_FORK copies the entry without the uffd-wp bit.
# MADV_PAGEOUT pages nothing out on a host with no swap: the entry stays
# protected.  Resolving clears the bit; a new write keeps it clear.
memfd f 2p
mmap a 2p rw- private file=f
uffd_api pagefault_flag_wp,wp_hugetlbfs_shmem
uffd_register a 2p wp
write a 1
uffd_wp a 1p
pagemap a => present excl uffd-wp
fork c1
@c1 pagemap a => present
@c1 exit
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
pread f 0 => 0
uffd_unregister a 2p
