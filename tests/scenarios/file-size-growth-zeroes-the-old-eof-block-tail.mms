# Growing a file zeroes what its old EOF block held past the old end:
# bytes stored there through a shared mapping are not the file's data and
# never appear in it (ext4 since Linux 6.12, c7fc0366c656 "ext4: partial
# zero eof block on unaligned inode size extension"; mm/truncate.c
# pagecache_isize_extended() returns early for 4 KiB blocks).
#   - ftruncate up: ext4_setattr() -> ext4_block_truncate_page(old size):
#     from the old end to the end of the block, past the new end too;
#   - fallocate or a write past EOF: ext4_alloc_file_blocks() / ext4's
#     ->write_end -> ext4_zero_partial_blocks(old size, new - old): from
#     the old end up to the new end (or the write's start) only;
#   - writeback of the EOF folio zeroes its tail in the cache
#     (fs/ext4/page-io.c ext4_bio_write_folio());
#   - FALLOC_FL_KEEP_SIZE grows nothing and zeroes nothing.
# Each file is 1 byte; a+1 and a+100 lie past its end, in its EOF page.

# ftruncate to 50: all of the old block's tail goes, a+100 too
file t 1
mmap a 1p rw- shared file=t
write a+1 0xd4
write a+100 0xd5
ftruncate t 50
read a+1 => 0x00
read a+100 => 0x00
pread t 1 => 0x00

# fallocate to 50: only [1, 50) goes
file f 1
mmap b 1p rw- shared file=f
write b+1 0xd4
write b+100 0xd5
fallocate f 0 50
read b+1 => 0x00
read b+100 => 0xd5
pread f 1 => 0x00

# fallocate past the page: all of the tail goes
file g 1
mmap c 1p rw- shared file=g
write c+100 0xd5
fallocate g 0 16p
pread g 100 => 0x00
read c+100 => 0x00

# a write at 50 zeroes [1, 50); a+100 is past the write's start
file w 1
mmap d 1p rw- shared file=w
write d+1 0xd4
write d+100 0xd5
pwrite w 50 0x11
read d+1 => 0x00
read d+100 => 0xd5
read d+50 => 0x11

# keep_size: the size stays 1, the stores stay in the page
file k 1
mmap e 1p rw- shared file=k
write e+100 0xd5
fallocate k 0 16p keep_size
pread k 1 => eof
read e+100 => 0xd5

# writeback of the EOF folio zeroes its tail in the cache
file s 1
mmap g 1p rw- shared file=s
write g+100 0xd5
fsync s
read g+100 => 0x00
