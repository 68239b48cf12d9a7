# khugepaged.c, collapse_full_of_compound in the madvise context on
# anonymous memory: a THP made by MADV_COLLAPSE (alloc_hpage), then
# MADV_NOHUGEPAGE of its first page (the VMA splits there, and so does
# the PMD) and of all of it (the VMAs merge again): one PTE table full
# of the THP's pages.  MADV_HUGEPAGE and MADV_COLLAPSE make it
# PMD-mapped again, the contents kept.
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
madvise a 1p nohugepage
madvise a 2m nohugepage
maps =>
| 100000000000-100000200000 rw-p 00000000
smaps a AnonHugePages => 0 kB
smaps a Rss => 2048 kB
pagemap_scan a 2m anyof=huge return=huge count => regions=0 pages=0 walk_end=100000200000
madvise a 2m hugepage
madvise a 2m collapse
smaps a AnonHugePages => 2048 kB
pagemap_scan a 2m anyof=huge return=present,huge =>
| 100000000000-100000200000 present huge
| walk_end 100000200000
read a 1p => 0x10
read a+1p => 0x20
read a+2p 253p => 0x10
read a+255p => 0x30
read a+256p 255p => 0x10
read a+511p => 0x40
