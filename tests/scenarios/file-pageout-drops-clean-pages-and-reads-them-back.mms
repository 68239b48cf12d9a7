# MADV_PAGEOUT on a file that writes back (no swap needed): the pages are
# unmapped; clean ones - written back by fsync, or holes read in - leave
# the page cache and are read back from the disk at the next access;
# dirty ones stay cached (reclaim outside kswapd does not write file
# pages).  Pageout only reaches what is mapped: once unmapped, the pages
# stay until mapped again.  (The host caches the file in large folios and keeps or drops
# a whole folio; each case here is uniformly clean or dirty.)
file f 4p
pwrite f 0 5 4p
fsync f
mmap s 4p rw- shared file=f
read s 4p => 5
mincore s 4p => 1111
madvise s 4p pageout
pagemap s => none
mincore s 4p => 0000
read s+2p 4096 => 5
pagemap s+2p => present file excl
mincore s 4p => 1111
pread f 0 => 5
write s 6 4p
madvise s 4p pageout
pagemap s => none
mincore s 4p => 1111
fsync f
madvise s 4p pageout
mincore s 4p => 1111
read s 4p => 6
madvise s 4p pageout
mincore s 4p => 0000
pread f 3p => 6
file g 4p
mmap t 4p r-- shared file=g
read t
mincore t 4p => 1111
madvise t 4p pageout
mincore t 4p => 0000
read t+3p => 0
