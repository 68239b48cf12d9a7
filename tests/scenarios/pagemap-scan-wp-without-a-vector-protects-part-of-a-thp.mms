# Rule (fs/proc/task_mmu.c pagemap_scan_thp_entry, pagemap_scan_backout_range;
# Linux 6.18 on the host): PAGEMAP_SCAN with PM_SCAN_WP_MATCHING and no
# output vector (vec=NULL, vec_len=0) outputs nothing, yet still
# write-protects what it matches.  Asked for part of a written THP, it
# splits the PMD and protects only the pages asked for; taking back the
# THP's range it did not output touches no buffer (there is none).
require thp=madvise
uffd_api wp_async,wp_unpopulated
mmap map 2m rw- private
madvise map 2m hugepage
write map 0 2m
smaps map AnonHugePages => 2048 kB
uffd_register map 2m wp
pagemap_scan map 3p vec=null flags=wp,check_wpasync mask=written return=written =>
| walk_end 100000003000
smaps map AnonHugePages => 0 kB
pagemap map => present excl uffd-wp
pagemap map+2p => present excl uffd-wp
pagemap map+3p => present excl
pagemap map+511p => present excl
pagemap_scan map 2m vec_len=512 mask=written return=written =>
| 100000003000-100000200000 written
| walk_end 100000200000
