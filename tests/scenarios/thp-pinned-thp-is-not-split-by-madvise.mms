# A THP held by a pin (io_uring fixed buffer) or a GUP reference
# (vmsplice) cannot be split: MADV_FREE, MADV_COLD and MADV_PAGEOUT over
# part of it leave it PMD-mapped, and pageout of a whole dirty one keeps
# it (no swap, and the split it would fall back to fails).  Unpinned, the
# same advice splits it.  Expectations generated with mmsim diff -v,
# which agreed.
require thp=madvise thp_2048k=inherit
mmap a 4m rw- private
madvise a 4m hugepage
touch a 4m w
write a+5p 5 1p
write a+2m 6 1p
# MADV_NOHUGEPAGE keeps the host's khugepaged from collapsing the split
# ranges back while the scenario runs
madvise a 4m nohugepage
pin P a+1m 4k
gup_get G a+3m 4k
madvise a 1m free
madvise a+2m 1m free
madvise a+4p 4p cold
madvise a+2m 4p pageout
madvise a 2m pageout
smaps a AnonHugePages => 4096 kB
smaps a Rss => 4096 kB
pin_read P => 0x00
gup_read G => 0x00
unpin P
gup_put G
madvise a 4p cold
madvise a+2m 2m pageout
smaps a AnonHugePages => 0 kB
smaps a Rss => 8 kB
read a+5p => 0x05
read a+2m => 0x06
