# MADV_PAGEOUT on a MAP_DROPPABLE mapping's THPs: never swap-backed, a
# THP is dropped whole even though dirty (it reads as zero afterwards);
# over part of one the folio is split first (its zero-filled pages become
# the zero page) and the pages advised are dropped.  Expectations
# generated with mmsim diff -v, which agreed.
require thp=madvise thp_2048k=inherit
mmap a 4m rw- droppable
madvise a 4m hugepage
touch a 4m w
write a+5p 5 1p
smaps a AnonHugePages => 4096 kB
madvise a 2m pageout
smaps a AnonHugePages => 2048 kB
smaps a Rss => 2048 kB
read a+5p => 0x00
madvise a+2m 1m pageout
smaps a AnonHugePages => 0 kB
smaps a Rss => 0 kB
