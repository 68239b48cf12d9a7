# pagemap bits of chosen pages of THP-backed memory in each state: a
# PMD-mapped THP (every page exclusive) and the huge zero PMD (present
# file); after fork (nothing exclusive); after the child's write to one
# page (the child's PMD split: its copy is exclusive, and every page under
# the parent's PMD takes the first page's answer, as pagemap_pmd_range_thp()
# computes it); a PTE-mapped THP, partly unmapped.  Expectations
# generated with mmsim diff -v, which agreed.
require thp=madvise thp_2048k=inherit thp_zero_page=on
mmap a 4m rw- private
madvise a 4m hugepage
write a 1
read a+2m
# MADV_NOHUGEPAGE keeps the host's khugepaged from collapsing split
# ranges back while the scenario runs
madvise a 4m nohugepage
pagemap a+0 => present excl
pagemap a+1p => present excl
pagemap a+5p => present excl
pagemap a+6p => present excl
pagemap a+511p => present excl
pagemap a+512p => present file
pagemap a+513p => present file
pagemap a+1000p => present file
fork c
pagemap a+0 => present
pagemap a+1p => present
pagemap a+5p => present
pagemap a+6p => present
pagemap a+511p => present
pagemap a+512p => present file
pagemap a+513p => present file
pagemap a+1000p => present file
@c pagemap a+0 => present
@c pagemap a+1p => present
@c pagemap a+5p => present
@c pagemap a+6p => present
@c pagemap a+511p => present
@c pagemap a+512p => present file
@c pagemap a+513p => present file
@c pagemap a+1000p => present file
@c write a+6p 2
pagemap a+0 => present
pagemap a+1p => present
pagemap a+5p => present
pagemap a+6p => present
pagemap a+511p => present
pagemap a+512p => present file
pagemap a+513p => present file
pagemap a+1000p => present file
@c pagemap a+0 => present
@c pagemap a+1p => present
@c pagemap a+5p => present
@c pagemap a+6p => present excl
@c pagemap a+511p => present
@c pagemap a+512p => present file
@c pagemap a+513p => present file
@c pagemap a+1000p => present file
@c write a 3
pagemap a+0 => present excl
pagemap a+1p => present excl
pagemap a+5p => present excl
pagemap a+6p => present excl
pagemap a+511p => present excl
pagemap a+512p => present file
pagemap a+513p => present file
pagemap a+1000p => present file
@c pagemap a+0 => present excl
@c pagemap a+1p => present
@c pagemap a+5p => present
@c pagemap a+6p => present excl
@c pagemap a+511p => present
@c pagemap a+512p => present file
@c pagemap a+513p => present file
@c pagemap a+1000p => present file
mmap b 2m rw- private
madvise b 2m hugepage
touch b 2m w
madvise b 2m nohugepage
mprotect b+1p 1p r--
madvise b+4p 2p dontneed
pagemap b => present excl
pagemap b+1p => present excl
pagemap b+4p => none
pagemap b+5p => none
pagemap b+6p => present excl
pagemap b+511p => present excl
fork d
pagemap b => present
pagemap b+1p => present
pagemap b+6p => present
@d exit
pagemap b => present excl
pagemap b+1p => present excl
pagemap b+6p => present excl
