# shmem does not zero its EOF page when the size grows: bytes stored past
# the end through a shared mapping become file data (mm/shmem.c
# shmem_setattr(), shmem_fallocate() and shmem_write_end() have no
# partial zeroing; pagecache_isize_extended() returns early for a block
# of PAGE_SIZE).  Contrast file-size-growth-zeroes-the-old-eof-block-tail.
memfd t 1
mmap a 1p rw- shared file=t
write a+100 0xd5
ftruncate t 50
read a+100 => 0xd5
ftruncate t 2p
pread t 100 => 0xd5

memfd f 1
mmap b 1p rw- shared file=f
write b+1 0xd4
fallocate f 0 16p
pread f 1 => 0xd4

memfd w 1
mmap c 1p rw- shared file=w
write c+1 0xd4
pwrite w 2p 0x11
pread w 1 => 0xd4
