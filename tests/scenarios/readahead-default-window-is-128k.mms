# The kernel's default read-ahead window, 128 KiB (VM_READAHEAD_PAGES:
# a backing device without queue limits), is the model's profile
# default: a fault reads 32 pages around the page, and MADV_WILLNEED at
# most 32 (max_sectors_kb defaults to the same).  A window of 0 reads
# the page alone.  (The host's disk has other limits: model only.)
require model
file f 256p
mmap a 256p r-- private file=f
read a+100p => 0x00
mincore a+83p 2p => 01
mincore a+115p 2p => 10
file g 256p
mmap b 256p r-- private file=g
madvise b 100p willneed => ok
mincore b+31p 2p => 10
profile read_ahead_kb=0
file h 256p
mmap c 256p r-- private file=h
read c+100p => 0x00
mincore c+99p 3p => 010
