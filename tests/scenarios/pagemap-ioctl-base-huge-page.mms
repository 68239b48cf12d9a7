# pagemap_ioctl.c, base_tests on a huge page ("Huge page testing"): one
# PMD-mapped THP (filled before userfaultfd is registered), registered
# for asynchronous uffd-wp and write-protected whole, so its PMD stays
# one protected leaf.  New pages are not written; the first write splits
# the PMD, and from then on the pages are found as on base pages: all of
# them, all but the first and last, the middle one, the two middle ones.
# MADV_NOHUGEPAGE once the THP exists keeps the host's khugepaged away.
require thp=madvise thp_2048k=inherit
uffd_api wp_async,wp_unpopulated,wp_hugetlbfs_shmem
mmap mem 2m rw- private
madvise mem 2m hugepage
write mem 0 2m
smaps mem AnonHugePages => 2048 kB
madvise mem 2m nohugepage
uffd_register mem 2m
uffd_wp mem 2m
pagemap_scan mem 2m vec=null flags=wp,check_wpasync mask=written return=written
pagemap_scan mem 2m anyof=huge return=huge,written,present =>
| 100000000000-100000200000 present huge
| walk_end 100000200000
pagemap_scan mem 2m vec_len=1 flags=wp,check_wpasync max_pages=510 mask=written return=written count => regions=0 pages=0 walk_end=100000200000
smaps mem AnonHugePages => 2048 kB
write mem 0xff 2m
smaps mem AnonHugePages => 0 kB
pagemap_scan mem 2m vec_len=1 mask=written return=written =>
| 100000000000-100000200000 written
| walk_end 100000200000
pagemap_scan mem 2m vec_len=1 flags=wp,check_wpasync mask=written return=written count => regions=1 pages=512 walk_end=100000200000
write mem+1p 0 510p                  # all but the first and the last
pagemap_scan mem 2m vec_len=1 flags=wp,check_wpasync mask=written return=written =>
| 100000001000-1000001ff000 written
| walk_end 100000200000
pagemap_scan mem 2m vec_len=1 mask=written return=written count => regions=0 pages=0 walk_end=100000200000
pagemap_scan mem 2m vec_len=1 flags=wp,check_wpasync mask=written return=written count => regions=0 pages=0 walk_end=100000200000
touch mem+256p 1p w                  # only the middle page
pagemap_scan mem 2m vec_len=512 mask=written return=written =>
| 100000100000-100000101000 written
| walk_end 100000200000
pagemap_scan mem 2m vec_len=1 flags=wp,check_wpasync mask=written return=written,huge count => regions=1 pages=1 walk_end=100000200000
touch mem+256p 2p w                  # the two middle pages
pagemap_scan mem+256p 2p vec_len=1 mask=written return=written,huge =>
| 100000100000-100000102000 written
| walk_end 100000102000
