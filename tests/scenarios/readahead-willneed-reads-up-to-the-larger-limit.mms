# MADV_WILLNEED on a file mapping is POSIX_FADV_WILLNEED over the range
# it maps: the pages are read into the page cache (not mapped), at most
# the larger of the read-ahead window (read_ahead_kb) and the disk's
# largest I/O (max_sectors_kb): 2048 of the 4096 pages asked, here.
# Anonymous memory has nothing to read back without swap.
require read_ahead_kb=8192 max_sectors_kb=4096
file f 8192p
mmap a 8192p r-- private file=f
madvise a+10p 4096p willneed => ok
mincore a+9p 2p => 01
mincore a+2057p 2p => 10
pagemap a+10p => none
mmap anon 4p rw- private
madvise anon 4p willneed => ok
mincore anon 4p => 0000
