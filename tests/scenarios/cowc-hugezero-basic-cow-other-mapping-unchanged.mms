# cow.c non-anon "Basic COW" with the huge zeropage: two THP-aligned private
# ranges advised MADV_HUGEPAGE are read (both map the huge zero folio: a
# second subpage is present without a fault of its own); writing one must
# leave the other reading zeroes ("Other mapping not modified").
# Host-verified (THP madvise, the PMD size inherit, use_zero_page on).
require thp=madvise thp_2048k=inherit thp_zero_page=on
mmap mem 2m rw- private
mmap smem 2m r-- private
madvise mem 2m hugepage
madvise smem 2m hugepage
read mem => 0
read smem => 0
pagemap mem+1p => present file
pagemap smem+1p => present file
frame mem @main smem => same
smaps mem Rss => 0 kB
write mem 0xff 2m
read smem 2m => 0
read mem 2m => 0xff
smaps mem AnonHugePages => 2048 kB
pagemap mem+1p => present excl
