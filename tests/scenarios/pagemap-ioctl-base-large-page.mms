# pagemap_ioctl.c, base_tests on a larger range (5120 pages): 5120 pages registered for
# asynchronous uffd-wp and write-protected.  New pages are not written;
# written pages are found, and write-protecting them clears them; one
# written page in the middle, then two, are found where they are.
uffd_api wp_async,wp_unpopulated,wp_hugetlbfs_shmem
mmap mem 5120p rw- private
madvise mem 5120p nohugepage         # base pages, whatever the THP policy
uffd_register mem 5120p
uffd_wp mem 5120p
pagemap_scan mem 5120p vec=null flags=wp,check_wpasync mask=written return=written
pagemap_scan mem 5120p vec_len=1 flags=wp,check_wpasync max_pages=5118 mask=written return=written count => regions=0 pages=0 walk_end=100001400000
write mem 0xff 5120p
pagemap_scan mem 5120p vec_len=1 mask=written return=written =>
| 100000000000-100001400000 written
| walk_end 100001400000
pagemap_scan mem 5120p vec_len=1 flags=wp,check_wpasync mask=written return=written count => regions=1 pages=5120 walk_end=100001400000
write mem+1p 0 5118p                    # all but the first and the last
pagemap_scan mem 5120p vec_len=1 flags=wp,check_wpasync mask=written return=written =>
| 100000001000-1000013ff000 written
| walk_end 100001400000
pagemap_scan mem 5120p vec_len=1 mask=written return=written count => regions=0 pages=0 walk_end=100001400000
pagemap_scan mem 5120p vec_len=1 flags=wp,check_wpasync mask=written return=written count => regions=0 pages=0 walk_end=100001400000
touch mem+2560p 1p w                   # only the middle page
pagemap_scan mem 5120p vec_len=5120 mask=written return=written =>
| 100000a00000-100000a01000 written
| walk_end 100001400000
pagemap_scan mem 5120p vec_len=1 flags=wp,check_wpasync mask=written return=written,huge count => regions=1 pages=1 walk_end=100001400000
touch mem+2560p 2p w                   # the two middle pages
pagemap_scan mem+2560p 2p vec_len=1 mask=written return=written,huge =>
| 100000a00000-100000a02000 written
| walk_end 100000a02000
