# pagemap_ioctl.c, base_tests on a private mapping of a memfd ("File anonymous memory"): 10 pages registered for
# asynchronous uffd-wp and write-protected.  New pages are not written;
# written pages are found, and write-protecting them clears them; one
# written page in the middle, then two, are found where they are.
uffd_api wp_async,wp_unpopulated,wp_hugetlbfs_shmem
memfd f 10p noexec
pwrite f 0 0x63 10p
mmap mem 10p rw- private file=f
uffd_register mem 10p
uffd_wp mem 10p
pagemap_scan mem 10p vec=null flags=wp,check_wpasync mask=written return=written
pagemap_scan mem 10p vec_len=1 flags=wp,check_wpasync max_pages=8 mask=written return=written count => regions=0 pages=0 walk_end=10000000a000
write mem 0xff 10p
pagemap_scan mem 10p vec_len=1 mask=written return=written =>
| 100000000000-10000000a000 written
| walk_end 10000000a000
pagemap_scan mem 10p vec_len=1 flags=wp,check_wpasync mask=written return=written count => regions=1 pages=10 walk_end=10000000a000
write mem+1p 0 8p                    # all but the first and the last
pagemap_scan mem 10p vec_len=1 flags=wp,check_wpasync mask=written return=written =>
| 100000001000-100000009000 written
| walk_end 10000000a000
pagemap_scan mem 10p vec_len=1 mask=written return=written count => regions=0 pages=0 walk_end=10000000a000
pagemap_scan mem 10p vec_len=1 flags=wp,check_wpasync mask=written return=written count => regions=0 pages=0 walk_end=10000000a000
touch mem+5p 1p w                   # only the middle page
pagemap_scan mem 10p vec_len=10 mask=written return=written =>
| 100000005000-100000006000 written
| walk_end 10000000a000
pagemap_scan mem 10p vec_len=1 flags=wp,check_wpasync mask=written return=written,huge count => regions=1 pages=1 walk_end=10000000a000
touch mem+5p 2p w                   # the two middle pages
pagemap_scan mem+5p 2p vec_len=1 mask=written return=written,huge =>
| 100000005000-100000007000 written
| walk_end 100000007000
