# MADV_REMOVE punches a hole in the file behind a shared mapping that
# may write (a read-only one made from a writable open counts): the page
# goes from the mapping and the page cache and reads as zero.
memfd f 4p
pwrite f 1p 5 2
mmap m 4p r-- shared file=f
read m+1p => 5
mincore m 4p => 0100
madvise m+1p 1p remove
pagemap m+1p => none
mincore m 4p => 0000
read m+1p => 0
pread f 1p => 0
mmap s 2p rw- shared
write s 7 2p
madvise s+1p 1p remove
read s+1p => 0
read s => 7
