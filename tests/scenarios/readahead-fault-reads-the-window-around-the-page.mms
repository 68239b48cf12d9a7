# A read fault on an uncached file page reads the disk's read-ahead
# window around it (do_sync_mmap_readahead's read-around: half the
# window before the page, the rest after), on an 8 MiB window
# (read_ahead_kb=8192, this host's disk): 2048 pages from 3000 - 1024.
# An executable mapping reads the window from the page on, never past
# its VMA (Linux 6.16+); madvise random reads the page alone.
require read_ahead_kb=8192
file f 8192p
mmap a 8192p r-- private file=f
read a+3000p => 0x00
mincore a+1975p 2p => 01
mincore a+4023p 2p => 10
file g 8192p
mmap x 8192p r-x private file=g
read x+3000p => 0x00
mincore x+2999p 2p => 01
mincore x+5047p 2p => 10
file h 8192p
mmap y 4p r-x private file=h off=3000p
read y+1p => 0x00
mincore y 4p => 0111
file k 64p
mmap z 64p r-- private file=k
madvise z 64p random
read z+10p => 0x00
mincore z+9p 3p => 010
# madvise sequential reads the window from the page on, even in an
# executable mapping, past its VMA (page_cache_sync_ra)
file s 8192p
mmap w 4p r-x private file=s off=3000p
madvise w 4p sequential
read w+1p => 0x00
mmap all 8192p r-- shared file=s
mincore all+3000p 2p => 01
mincore all+5048p 2p => 10
