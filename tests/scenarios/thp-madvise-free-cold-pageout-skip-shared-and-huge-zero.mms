# MADV_FREE, MADV_COLD and MADV_PAGEOUT leave alone a THP another
# process maps (after fork), whole or in part - no split - and the huge
# zero PMD.  Once the child has exited the THP is the parent's alone and
# part of it advised splits it: the zero-filled pages become the zero
# page (present, not exclusive).  Expectations generated with mmsim
# diff -v, which agreed.
require thp=madvise thp_2048k=inherit thp_zero_page=on
mmap a 6m rw- private
madvise a 6m hugepage
touch a 4m w
read a+4m => 0x00
write a+2m 3 2p
# no more THP faults: MADV_NOHUGEPAGE keeps the host's khugepaged from
# collapsing the split ranges back while the scenario runs
madvise a 6m nohugepage
fork c
madvise a 2m free
madvise a+2m 1m free
madvise a 2m cold
madvise a+2m 4p pageout
smaps a LazyFree => 0 kB
smaps a AnonHugePages => 4096 kB
smaps a Rss => 4096 kB
@c smaps a AnonHugePages => 4096 kB
@c exit
madvise a+4m 2m free
madvise a+4m 1m pageout
smaps a Rss => 4096 kB
pagemap a+4m => present file
madvise a+1m 4p cold
smaps a AnonHugePages => 2048 kB
smaps a Rss => 2048 kB
pagemap a+1m => present
pagemap a+255p => present
pagemap a+256p => present
write a+2m 4 1p
madvise a+2m 1p free
pagemap a+2m => present excl
pagemap a+513p => present excl
pagemap a+514p => present
smaps a AnonHugePages => 0 kB
smaps a Rss => 8 kB
