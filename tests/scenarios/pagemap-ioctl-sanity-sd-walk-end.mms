# pagemap_ioctl.c, sanity_tests_sd 10 ("Walk_end tester"): where
# walk_end points after scans that stop early or do not.  1000 pages,
# protected, then all written: one region.
uffd_api wp_async,wp_unpopulated,wp_hugetlbfs_shmem
mmap mem 1000p rw- private
uffd_register mem 1000p
uffd_wp mem 1000p
pagemap_scan mem 1000p vec=null flags=wp,check_wpasync mask=written return=written
write mem 0 1000p
pagemap_scan mem 0 vec_len=1000 mask=written return=written => # same start and end
| walk_end 100000000000
pagemap_scan mem 0 vec_len=1000 flags=wp,check_wpasync mask=written return=written =>
| walk_end 100000000000
pagemap_scan mem 0 vec_len=0 flags=wp,check_wpasync mask=written return=written =>
| walk_end 100000000000
pagemap_scan mem 1000p vec_len=1000 mask=written return=written =>   # big vector
| 100000000000-1000003e8000 written
| walk_end 1000003e8000
pagemap_scan mem 1000p vec_len=1 mask=written return=written count => regions=1 pages=1000 walk_end=1000003e8000
pagemap_scan mem 1000p vec_len=1 max_pages=1000 mask=written return=written count => regions=1 pages=1000 walk_end=1000003e8000
pagemap_scan mem 1000p vec_len=1000 max_pages=500 mask=written return=written count => regions=1 pages=500 walk_end=1000001f4000
pagemap_scan mem 1000p vec_len=1000 max_pages=1 mask=written return=written count => regions=1 pages=1 walk_end=100000001000
pagemap_scan mem 1000p vec_len=1000 max_pages=0xffffffffffffffff mask=written return=written count => regions=1 pages=1000 walk_end=1000003e8000
# sparse: every other page written
pagemap_scan mem 1000p vec=null flags=wp,check_wpasync mask=written return=written
touch mem 1000p w every=2p
pagemap_scan mem 1000p vec_len=1000 mask=written return=written count => regions=500 pages=500 walk_end=1000003e8000
pagemap_scan mem 1000p vec_len=1 mask=written return=written =>
| 100000000000-100000001000 written
| walk_end 100000002000
pagemap_scan mem 1000p vec_len=1 max_pages=1000 mask=written return=written count => regions=1 pages=1 walk_end=100000002000
pagemap_scan mem 1000p vec_len=500 max_pages=1000 mask=written return=written count => regions=500 pages=500 walk_end=1000003e8000
pagemap_scan mem 1000p vec_len=1000 max_pages=1000 mask=written return=written count => regions=500 pages=500 walk_end=1000003e8000
pagemap_scan mem 1000p vec_len=1000 max_pages=500 mask=written return=written count => regions=500 pages=500 walk_end=1000003e8000
pagemap_scan mem 1000p vec_len=1000 max_pages=1 mask=written return=written count => regions=1 pages=1 walk_end=100000002000
