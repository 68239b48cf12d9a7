# A read(2) that misses the page cache reads ahead (page_cache_sync_ra):
# at the start of the file a first window of four times the request
# (one page: four), a read far from the previous one just its own page,
# a read of 64 pages from the start 256 (get_init_ra_size: 64 is at
# most a 32nd of the 2048-page window, so four times it).
require read_ahead_kb=8192
mmap buf 64p rw- private
file f 8192p
mmap a 8192p r-- shared file=f
sysread f 0 buf 1 => 1
mincore a 6p => 111100
sysread f 3000p buf 1 => 1
mincore a+2999p 3p => 010
file g 8192p
mmap b 8192p r-- shared file=g
sysread g 0 buf 64p => 262144
mincore b+255p 2p => 10
