# pagemap_ioctl.c, sanity_tests_sd 2-5: a whole-range write-protecting
# scan with a larger vector, then every other page written: 500 regions
# of one page each; found again in parts (max_pages, a two-region
# vector, the rest), and with max_pages cutting the last region short.
uffd_api wp_async,wp_unpopulated,wp_hugetlbfs_shmem
mmap mem 1000p rw- private
uffd_register mem 1000p                 # wp_init: register ...
uffd_wp mem 1000p                       # ... and write-protect
# wp_addr_range: PAGEMAP_SCAN write-protecting the written pages
pagemap_scan mem 1000p vec=null flags=wp,check_wpasync mask=written return=written count => regions=0 pages=0 walk_end=1000003e8000
pagemap_scan mem 1000p vec_len=500 flags=wp,check_wpasync mask=written return=written count => regions=0 pages=0 walk_end=1000003e8000
touch mem 1000p w every=2p
pagemap_scan mem 1000p vec_len=500 mask=written return=written count => regions=500 pages=500 walk_end=1000003e8000
# in parts: 498 pages (write-protected), 2 seen, 2 write-protected
pagemap_scan mem 1000p vec_len=500 flags=wp,check_wpasync max_pages=498 mask=written return=written count => regions=498 pages=498 walk_end=1000003e4000
pagemap_scan mem 1000p vec_len=2 mask=written return=written =>
| 1000003e4000-1000003e5000 written
| 1000003e6000-1000003e7000 written
| walk_end 1000003e8000
pagemap_scan mem 1000p vec_len=500 flags=wp,check_wpasync mask=written return=written count => regions=2 pages=2 walk_end=1000003e8000
# max_pages: 500 pages, then the last page alone
touch mem 1000p w every=2p
write mem+999p 1
pagemap_scan mem 1000p vec_len=500 flags=wp,check_wpasync max_pages=500 mask=written return=written count => regions=500 pages=500 walk_end=1000003e7000
pagemap_scan mem 1000p vec_len=500 flags=wp,check_wpasync mask=written return=written =>
| 1000003e7000-1000003e8000 written
| walk_end 1000003e8000
