# pagemap_ioctl.c, hpage_unit_tests: PAGEMAP_SCAN over ten PMD-mapped
# THPs (20 MiB, MADV_HUGEPAGE, filled before userfaultfd is registered)
# in asynchronous uffd-wp mode.  Protecting a whole THP keeps its PMD
# (one uffd-wp leaf); a write to a protected THP splits its PMD and
# marks only the pages written; write-protecting part of the range, or
# stopping at max_pages inside a THP, protects exactly that part.
# MADV_NOHUGEPAGE once the THPs exist keeps the host's khugepaged from
# collapsing split ranges back while the scenario runs.
require thp=madvise thp_2048k=inherit
uffd_api wp_async,wp_unpopulated,wp_hugetlbfs_shmem
# 1-3: new THPs are not written; written ones are found and cleared
mmap map 20m rw- private
madvise map 20m hugepage
write map 0 20m
smaps map AnonHugePages => 20480 kB
madvise map 20m nohugepage
uffd_register map 20m
uffd_wp map 20m
pagemap_scan map 20m vec=null flags=wp,check_wpasync mask=written return=written
smaps map AnonHugePages => 20480 kB
pagemap map+2m => present excl uffd-wp
pagemap_scan map 20m vec_len=5120 flags=wp,check_wpasync mask=written return=written count => regions=0 pages=0 walk_end=100001400000
pagemap_scan map 20m vec_len=5120 mask=written return=written count => regions=0 pages=0 walk_end=100001400000
write map 0xff 20m
smaps map AnonHugePages => 0 kB
pagemap_scan map 20m vec_len=5120 flags=wp,check_wpasync mask=written return=written =>
| 100000000000-100001400000 written
| walk_end 100001400000
pagemap_scan map 20m vec_len=5120 mask=written return=written count => regions=0 pages=0 walk_end=100001400000
uffd_unregister map 20m
munmap map 20m
# 4: only the middle page written
mmap map2 20m rw- private
madvise map2 20m hugepage
write map2 0 20m
madvise map2 20m nohugepage
uffd_register map2 20m
uffd_wp map2 20m
pagemap_scan map2 20m vec=null flags=wp,check_wpasync mask=written return=written
touch map2+2560p 1p w
pagemap_scan map2 20m vec_len=5120 mask=written return=written =>
| 100040a00000-100040a01000 written
| walk_end 100041400000
smaps map2 AnonHugePages => 18432 kB
uffd_unregister map2 20m
munmap map2 20m
# 5: written everywhere, then the first half write-protected again
mmap map3 20m rw- private
madvise map3 20m hugepage
write map3 0 20m
madvise map3 20m nohugepage
uffd_register map3 20m
uffd_wp map3 20m
pagemap_scan map3 20m vec=null flags=wp,check_wpasync mask=written return=written
write map3 0 20m
pagemap_scan map3 10m vec=null flags=wp,check_wpasync mask=written return=written
pagemap_scan map3 20m vec_len=5120 mask=written return=written =>
| 100080a00000-100081400000 written
| walk_end 100081400000
uffd_unregister map3 20m
munmap map3 20m
# 6: the same, the first half protected by max_pages (a limited buffer)
mmap map4 20m rw- private
madvise map4 20m hugepage
write map4 0 20m
madvise map4 20m nohugepage
uffd_register map4 20m
uffd_wp map4 20m
pagemap_scan map4 20m vec=null flags=wp,check_wpasync mask=written return=written
write map4 0 20m
pagemap_scan map4 20m vec_len=5120 flags=wp,check_wpasync max_pages=2560 mask=written return=written count => regions=1 pages=2560 walk_end=1000c0a00000
pagemap_scan map4 20m vec_len=5120 mask=written return=written =>
| 1000c0a00000-1000c1400000 written
| walk_end 1000c1400000
uffd_unregister map4 20m
munmap map4 20m
# 7: the second half cleared
mmap map5 20m rw- private
madvise map5 20m hugepage
write map5 0 20m
madvise map5 20m nohugepage
uffd_register map5 20m
uffd_wp map5 20m
pagemap_scan map5 20m vec=null flags=wp,check_wpasync mask=written return=written
write map5 0xff 20m
pagemap_scan map5+10m 10m vec_len=5120 flags=wp,check_wpasync max_pages=2560 mask=written return=written count => regions=1 pages=2560 walk_end=100101400000
pagemap_scan map5 20m vec_len=5120 mask=written return=written =>
| 100100000000-100100a00000 written
| walk_end 100101400000
uffd_unregister map5 20m
munmap map5 20m
# 8: half a THP got and cleared with one region and max_pages
mmap map6 20m rw- private
madvise map6 20m hugepage
write map6 0 20m
madvise map6 20m nohugepage
uffd_register map6 20m
uffd_wp map6 20m
pagemap_scan map6 20m vec=null flags=wp,check_wpasync mask=written return=written
write map6 0xff 20m
pagemap_scan map6 20m vec_len=1 flags=wp,check_wpasync max_pages=256 mask=written return=written =>
| 100140000000-100140100000 written
| walk_end 100140100000
pagemap_scan map6 20m vec_len=5120 mask=written return=written =>
| 100140100000-100141400000 written
| walk_end 100141400000
