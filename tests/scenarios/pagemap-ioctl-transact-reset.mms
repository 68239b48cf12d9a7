# pagemap_ioctl.c, transact_test, its first two checks (the rest runs
# six threads against the scanner, which a scenario cannot): 192 pages
# written, then a write-protecting scan ("get dirty pages and reset")
# finds them, and a second finds none.
uffd_api wp_async,wp_unpopulated,wp_hugetlbfs_shmem
mmap mem 192p rw- private
uffd_register mem 192p
uffd_wp mem 192p
pagemap_scan mem 192p vec=null flags=wp,check_wpasync mask=written return=written
write mem 0 192p
pagemap_scan mem 192p vec_len=256 flags=wp,check_wpasync max_pages=192 mask=written return=written count => regions=1 pages=192 walk_end=1000000c0000
pagemap_scan mem 192p vec_len=256 flags=wp,check_wpasync max_pages=192 mask=written return=written count => regions=0 pages=0 walk_end=1000000c0000
