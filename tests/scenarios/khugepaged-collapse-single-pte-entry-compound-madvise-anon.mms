# khugepaged.c, collapse_single_pte_entry_compound in the madvise
# context on anonymous memory: a THP made by MADV_COLLAPSE (alloc_hpage:
# in a VMA advised neither way), then MADV_NOHUGEPAGE and MADV_DONTNEED
# of all but its first page: the PMD is split and one PTE maps a page of
# the THP, the rest is empty.  MADV_HUGEPAGE and MADV_COLLAPSE copy that
# page into a new PMD-mapped THP.
require thp=madvise
mmap a 2m rw- private
write a 0x10 2m
write a+1p 0x20
write a+255p 0x30
write a+511p 0x40
smaps a AnonHugePages => 0 kB
smaps a VmFlags => rd wr mr mw me ac
madvise a 2m collapse
smaps a AnonHugePages => 2048 kB
madvise a 2m hugepage
madvise a 2m nohugepage
madvise a+1p 511p dontneed
smaps a AnonHugePages => 0 kB
smaps a Rss => 4 kB
pagemap_scan a 2m anyof=huge return=huge count => regions=0 pages=0 walk_end=100000200000
madvise a 2m hugepage
madvise a 2m collapse
smaps a AnonHugePages => 2048 kB
smaps a Rss => 2048 kB
pagemap_scan a 2m anyof=huge return=present,huge =>
| 100000000000-100000200000 present huge
| walk_end 100000200000
read a 1p => 0x10
read a+1p 511p => 0
