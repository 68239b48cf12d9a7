# pagemap_ioctl.c, sanity_tests_sd 6: with every page written, a
# write-protecting scan of pages 1-2 alone (one region, max_pages 2)
# leaves pages 0 and 3-999 written.
uffd_api wp_async,wp_unpopulated,wp_hugetlbfs_shmem
mmap mem 1000p rw- private
uffd_register mem 1000p                 # wp_init: register ...
uffd_wp mem 1000p                       # ... and write-protect
# wp_addr_range: PAGEMAP_SCAN write-protecting the written pages
pagemap_scan mem 1000p vec=null flags=wp,check_wpasync mask=written return=written count => regions=0 pages=0 walk_end=1000003e8000
write mem 0xff 1000p
pagemap_scan mem+1p 2p vec_len=1 flags=wp,check_wpasync max_pages=2 mask=written return=written =>
| 100000001000-100000003000 written
| walk_end 100000003000
pagemap_scan mem 1000p vec_len=1000 mask=written return=written =>
| 100000000000-100000001000 written
| 100000003000-1000003e8000 written
| walk_end 1000003e8000
