# pagemap_ioctl.c, sanity_tests_sd, "wrong operation": how PAGEMAP_SCAN
# checks its arguments, over 1000 pages registered for asynchronous
# uffd-wp and write-protected.  0x7f is every category but soft-dirty
# and guard (the test's PAGEMAP_BITS_ALL).
uffd_api wp_async,wp_unpopulated,wp_hugetlbfs_shmem
mmap mem 1000p rw- private
uffd_register mem 1000p                 # wp_init: register ...
uffd_wp mem 1000p                       # ... and write-protect
# wp_addr_range: PAGEMAP_SCAN write-protecting the written pages
pagemap_scan mem 1000p vec=null flags=wp,check_wpasync mask=written return=written count => regions=0 pages=0 walk_end=1000003e8000
pagemap_scan mem 0 vec_len=500 mask=0x7f return=0x7f count => regions=0 pages=0 walk_end=100000000000   # an empty range is fine
pagemap_scan mem 1000p vec=null vec_len=500 mask=0x7f return=0x7f => EINVAL   # a length needs a vector
pagemap_scan mem 1000p vec_len=0 mask=0x7f return=0x7f count => regions=0 pages=0 walk_end=1000003e8000
pagemap_scan mem 1000p vec=null mask=0x7f return=0x7f count => regions=0 pages=0 walk_end=1000003e8000
pagemap_scan mem 1000p vec_len=500 flags=0xffffffffffffffff mask=written return=written => EINVAL
pagemap_scan mem 1000p vec_len=500 flags=0xff mask=written return=written => EINVAL   # wp,check_wpasync and unknown bits
pagemap_scan mem 1000p vec_len=500 return=written count => regions=1 pages=1000 walk_end=1000003e8000   # no selection mask: every page
pagemap_scan mem 1000p vec_len=500 mask=written anyof=written return=0 count => regions=0 pages=0 walk_end=1000003e8000
pagemap_scan mem 1000p vec_len=500 mask=written return=0x1000 => EINVAL
pagemap_scan mem 1000p vec_len=500 flags=wp,check_wpasync mask=0xfff anyof=written return=written => EINVAL
pagemap_scan mem 1000p vec_len=500 flags=wp,check_wpasync inverted=0x7f return=written count => regions=1 pages=1000 walk_end=1000003e8000
