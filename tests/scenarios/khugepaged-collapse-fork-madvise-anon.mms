# khugepaged.c, collapse_fork in the madvise context on anonymous
# memory: one small page written, then fork; the child writes a second
# page and collapses the range: its THP holds the page it shares with
# the parent (copied) and its own, while the parent keeps its small page.
require thp=madvise
mmap a 2m rw- private
write a 0x11 1p
smaps a AnonHugePages => 0 kB
fork child
@child smaps a AnonHugePages => 0 kB
@child write a+1p 0x22 1p
@child madvise a 2m hugepage
@child madvise a 2m collapse
@child smaps a AnonHugePages => 2048 kB
@child pagemap_scan a 2m anyof=huge return=present,huge =>
| 100000000000-100000200000 present huge
| walk_end 100000200000
@child read a 1p => 0x11
@child read a+1p 1p => 0x22
@child read a+2p 510p => 0
@child exit
smaps a AnonHugePages => 0 kB
smaps a Rss => 4 kB
pagemap_scan a 2m anyof=huge return=huge count => regions=0 pages=0 walk_end=100000200000
read a 1p => 0x11
pagemap a+1p => none
