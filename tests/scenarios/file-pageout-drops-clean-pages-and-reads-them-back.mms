# MADV_PAGEOUT on a file that writes back (no swap needed): the pages are
# unmapped; clean ones - written back by fsync, or holes read in - leave
# the page cache and are read back from the disk at the next access;
# dirty ones stay cached (reclaim outside kswapd does not write file
# pages).  Pageout only reaches what is mapped.  (The host caches the
# file in large folios and keeps or drops a whole folio, so each file
# here is uniformly clean or dirty; and a folio it kept goes back to the
# LRU through a per-CPU batch, so each file is paged out once.)
# written with pwrite, written back, mapped, paged out, read back
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
# stored through the mapping and not written back: kept
file h 4p
mmap u 4p rw- shared file=h
write u 6 4p
madvise u 4p pageout
pagemap u => none
mincore u 4p => 1111
pread h 3p => 6
# stored through the mapping, written back: dropped, read back
file k 4p
mmap v 4p rw- shared file=k
write v 7 4p
fsync k
madvise v 4p pageout
mincore v 4p => 0000
read v+3p 4096 => 7
pread k 0 => 7
# holes read in through a read-only mapping: clean, dropped
file g 4p
mmap t 4p r-- shared file=g
read t
mincore t 4p => 1111
madvise t 4p pageout
mincore t 4p => 0000
read t+3p => 0
