# pagemap_ioctl.c, sanity_tests 1-8: the masks on 10 pages registered
# for asynchronous uffd-wp.  Every mask combination is accepted with or
# without write-protecting; once written, the pages are found as written
# and present with either kind of mask, and excluded by inverting the
# category they are required to have; a return mask keeps only its
# categories.  0x7f is every category but soft-dirty and guard.
uffd_api wp_async,wp_unpopulated,wp_hugetlbfs_shmem
mmap mem 10p rw- private
uffd_register mem 10p
uffd_wp mem 10p
pagemap_scan mem 10p vec=null flags=wp,check_wpasync mask=written return=written
pagemap_scan mem 10p flags=wp,check_wpasync mask=0x7f return=0x7f count => regions=0 pages=0 walk_end=10000000a000
pagemap_scan mem 10p mask=0x7f return=0x7f count => regions=0 pages=0 walk_end=10000000a000
pagemap_scan mem 10p anyof=0x7f return=0x7f =>
| 100000000000-10000000a000 wpallowed swapped
| walk_end 10000000a000
pagemap_scan mem 10p inverted=0x7f return=0x7f =>
| 100000000000-10000000a000 wpallowed swapped
| walk_end 10000000a000
pagemap_scan mem 10p mask=0x7f anyof=0x7f return=0x7f count => regions=0 pages=0 walk_end=10000000a000
uffd_unregister mem 10p
munmap mem 10p
mmap mem 10p rw- private
uffd_register mem 10p
uffd_wp mem 10p
pagemap_scan mem 10p vec=null flags=wp,check_wpasync mask=written return=written
write mem 0 10p
pagemap_scan mem 10p anyof=0x7f return=0x7f =>
| 100040000000-10004000a000 wpallowed written present
| walk_end 10004000a000
pagemap_scan mem 10p mask=0x7f return=0x7f count => regions=0 pages=0 walk_end=10004000a000
pagemap_scan mem 10p mask=written anyof=present return=0x7f =>
| 100040000000-10004000a000 wpallowed written present
| walk_end 10004000a000
pagemap_scan mem 10p mask=written inverted=written return=0x7f count => regions=0 pages=0 walk_end=10004000a000
pagemap_scan mem 10p mask=present inverted=present return=0x7f count => regions=0 pages=0 walk_end=10004000a000
uffd_unregister mem 10p
munmap mem 10p
mmap mem 10p rw- private
uffd_register mem 10p
uffd_wp mem 10p
pagemap_scan mem 10p vec=null flags=wp,check_wpasync mask=written return=written
write mem 0 10p
pagemap_scan mem 10p flags=wp,check_wpasync anyof=0x7f return=written =>
| 100080000000-10008000a000 written
| walk_end 10008000a000
