# khugepaged.c, collapse_single_pte_entry in the madvise context on
# anonymous memory: a PTE table holding one written page (511 empty
# entries, far beyond any max_ptes_none khugepaged would accept) becomes
# a PMD-mapped THP under MADV_COLLAPSE: the page keeps its contents, the
# empty ones read as zeroes and are now mapped (Rss 2048 kB).
require thp=madvise
mmap a 2m rw- private
write a 0x5a 1p
smaps a AnonHugePages => 0 kB
smaps a Rss => 4 kB
madvise a 2m hugepage
madvise a 2m collapse
smaps a AnonHugePages => 2048 kB
smaps a Rss => 2048 kB
pagemap_scan a 2m anyof=huge return=present,huge =>
| 100000000000-100000200000 present huge
| walk_end 100000200000
read a 1p => 0x5a
read a+1p 511p => 0
pagemap a+1p => present excl
