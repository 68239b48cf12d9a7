# MADV_FREE and MADV_PAGEOUT on THPs mapped by PTEs.  An mprotect of
# half of each THP splits the PMDs, and mprotect back merges the VMAs,
# so each folio is whole in one VMA and one page table: advised whole,
# not split - lazily freed (LazyFree at once, a large folio skips the
# per-CPU batch), dropped by pageout when clean; written again, kept
# (swap-backed); paged out again with no swap, split.  A THP moved to an
# unaligned address spans two page tables, so no range covers it within
# one: any advice splits it.  Expectations generated with mmsim diff -v,
# which agreed.
require thp=madvise thp_2048k=inherit
mmap g 4m rw- private
madvise g 4m hugepage
touch g 4m w
write g+9p 0x33
write g+513p 0x44
# no more THP faults: MADV_NOHUGEPAGE keeps the host's khugepaged from
# collapsing the split ranges back while the scenario runs
madvise g 4m nohugepage
mprotect g+1m 2m r--
mprotect g+1m 2m rw-
smaps g AnonHugePages => 0 kB
smaps g Rss => 4096 kB
madvise g 2m free
smaps g LazyFree => 2048 kB
smaps g Rss => 4096 kB
write g+9p 0x35
madvise g 2m pageout
smaps g LazyFree => 0 kB
smaps g Rss => 4096 kB
read g+9p => 0x35
read g+8p => 0x00
pagemap g+8p => present excl
madvise g 2m pageout
smaps g Rss => 2052 kB
read g+9p => 0x35
madvise g+2m 2m free
smaps g LazyFree => 2048 kB
madvise g+2m 2m pageout
smaps g Rss => 4 kB
read g+513p => 0x00
mmap k 4m rw- private
madvise k 4m hugepage
touch k 4m w
write k+5p 0x55
madvise k 4m nohugepage
mremap k 2m 2m maymove to=0x100380001000 as=m
madvise m+1m 1m cold
smaps m Rss => 4 kB
madvise m 2m pageout
smaps m Rss => 4 kB
read m+5p => 0x55
# a lazily-freed PMD-mapped THP written again: the first pageout splits
# its PMD, the second (swap-backed now, no swap) the folio
mmap a 4m rw- private
madvise a 4m hugepage
touch a 4m w
write a+2m 6 4p
madvise a 4m nohugepage
madvise a+2m 2m free
smaps a LazyFree => 2048 kB
write a+612p 8 1p
smaps a AnonHugePages => 4096 kB
smaps a LazyFree => 0 kB
madvise a+2m 2m pageout
smaps a AnonHugePages => 2048 kB
smaps a Rss => 4096 kB
pagemap a+612p => present excl
madvise a+2m 2m pageout
smaps a AnonHugePages => 2048 kB
smaps a Rss => 2068 kB
