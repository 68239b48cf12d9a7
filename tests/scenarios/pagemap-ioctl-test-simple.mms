# pagemap_ioctl.c, test_simple (three of its hundred rounds): after a
# write-protecting scan the page is not written; after a store it is.
uffd_api wp_async,wp_unpopulated,wp_hugetlbfs_shmem
mmap map 1p rw- private
uffd_register map 1p
uffd_wp map 1p
pagemap_scan map 1p vec=null flags=wp,check_wpasync mask=written return=written
pagemap_scan map 1p vec_len=1 mask=written return=written count => regions=0 pages=0 walk_end=100000001000
pagemap_scan map 1p vec=null flags=wp,check_wpasync mask=written return=written
write map 1
pagemap_scan map 1p vec_len=1 mask=written return=written count => regions=1 pages=1 walk_end=100000001000
pagemap_scan map 1p vec=null flags=wp,check_wpasync mask=written return=written
pagemap_scan map 1p vec_len=1 mask=written return=written count => regions=0 pages=0 walk_end=100000001000
write map 2
pagemap_scan map 1p vec_len=1 mask=written return=written count => regions=1 pages=1 walk_end=100000001000
pagemap_scan map 1p vec=null flags=wp,check_wpasync mask=written return=written
pagemap_scan map 1p vec_len=1 mask=written return=written count => regions=0 pages=0 walk_end=100000001000
write map 3
pagemap_scan map 1p vec_len=1 mask=written return=written count => regions=1 pages=1 walk_end=100000001000
read map => 3
