# pagemap_ioctl.c, sanity_tests_sd 8: 1050 pages, every other one
# written (525); write-protecting scans of at most 210 pages each find
# 210, 210 and the last 105.
uffd_api wp_async,wp_unpopulated,wp_hugetlbfs_shmem
mmap mem 1050p rw- private
uffd_register mem 1050p
uffd_wp mem 1050p
pagemap_scan mem 1050p vec=null flags=wp,check_wpasync mask=written return=written
pagemap_scan mem 1050p vec_len=525 flags=wp,check_wpasync mask=written return=written count => regions=0 pages=0 walk_end=10000041a000
touch mem 1050p w every=2p
pagemap_scan mem 1050p vec_len=525 flags=wp,check_wpasync max_pages=210 mask=written return=written count => regions=210 pages=210 walk_end=1000001a4000
pagemap_scan mem 1050p vec_len=525 flags=wp,check_wpasync max_pages=210 mask=written return=written count => regions=210 pages=210 walk_end=100000348000
pagemap_scan mem 1050p vec_len=525 flags=wp,check_wpasync max_pages=210 mask=written return=written count => regions=105 pages=105 walk_end=10000041a000
