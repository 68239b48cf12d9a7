# pagemap_ioctl.c, sanity_tests_sd 7: two 1000-page regions, both
# protected, both written in full; write-protecting the first leaves
# the second one written region.
uffd_api wp_async,wp_unpopulated,wp_hugetlbfs_shmem
mmap m0 1000p rw- private
mmap m1 1000p rw- private
uffd_register m0 1000p
uffd_wp m0 1000p
uffd_register m1 1000p
uffd_wp m1 1000p
pagemap_scan m0 1000p vec=null flags=wp,check_wpasync mask=written return=written
pagemap_scan m1 1000p vec=null flags=wp,check_wpasync mask=written return=written
write m0 0x61 1000p
write m1 0x62 1000p
pagemap_scan m0 1000p vec=null flags=wp,check_wpasync mask=written return=written
pagemap_scan m0 1000p vec_len=1 mask=written return=written count => regions=0 pages=0 walk_end=1000003e8000
pagemap_scan m1 1000p vec_len=1 mask=written return=written =>
| 100040000000-1000403e8000 written
| walk_end 1000403e8000
