# MADV_FREE, MADV_COLD and MADV_PAGEOUT on PMD-mapped THPs.  A range
# covering a whole THP advises it at PMD level: freed, it is lazily
# freeable and stays PMD-mapped; cold, its PMD is old and it loses
# Referenced.  A range covering part of one splits the folio first (the
# advice is for those pages only), and splitting an anonymous folio maps
# each of its zero-filled pages to the shared zero page (since 6.12):
# only pages with data stay.  Reclaim without swap (the host has none):
# a clean lazily-freed THP is dropped whole; a dirty one gets no swap
# slot and is split instead; a lazily-freed one written again has its
# PMD split and stays.  Expectations generated with mmsim diff -v, which
# agreed.
require thp=madvise thp_2048k=inherit
mmap a 8m rw- private
madvise a 8m hugepage
touch a 8m w
write a+2m 5 16p
write a+4m 6 4p
write a+6m 7 1p
# no more THP faults: MADV_NOHUGEPAGE keeps the host's khugepaged from
# collapsing the split ranges back while the scenario runs
madvise a 8m nohugepage
# the whole THP freed: lazily freeable, still PMD-mapped
madvise a 2m free
smaps a LazyFree => 2048 kB
smaps a AnonHugePages => 8192 kB
smaps a Rss => 8192 kB
# part of a THP freed: split; its zero-filled pages become the zero page
madvise a+2m 8p free
smaps a Private_Clean => 2080 kB
smaps a AnonHugePages => 6144 kB
smaps a Rss => 6208 kB
pagemap a+2m => present excl
pagemap a+527p => present excl
pagemap a+528p => present
pagemap a+1023p => present
read a+527p => 0x05
read a+528p => 0x00
# a lazily-freed THP written again: pageout splits its PMD and keeps it
madvise a+4m 2m free
smaps a LazyFree => 4128 kB
smaps a Private_Clean => 4128 kB
write a+1124p 8 1p
madvise a+4m 2m pageout
smaps a AnonHugePages => 4096 kB
smaps a LazyFree => 2080 kB
smaps a Rss => 6208 kB
read a+1124p => 0x08
read a+1027p => 0x06
# the clean lazily-freed THP: dropped
madvise a 2m pageout
smaps a AnonHugePages => 2048 kB
smaps a Rss => 4160 kB
read a => 0x00
# a dirty THP: no swap slot, so it is split; only the data page stays
madvise a+6m 2m pageout
smaps a AnonHugePages => 0 kB
smaps a Rss => 2116 kB
read a+6m => 0x07
read a+1537p => 0x00
pagemap a+6m => present excl
pagemap a+1537p => present
# cold: the whole THP loses Referenced; part of one splits it
mmap b 4m rw- private
madvise b 4m hugepage
touch b 4m w
madvise b 4m nohugepage
smaps b Referenced => 4096 kB
madvise b 2m cold
smaps b Referenced => 2048 kB
madvise b+2m 4k cold
smaps b Referenced => 0 kB
smaps b AnonHugePages => 2048 kB
smaps b Rss => 2048 kB
