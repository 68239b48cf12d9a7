# ext4 zeroes part of a block through the page cache: the folio of that
# block is cached (FGP_CREAT) whether the block is a hole, unwritten or
# written, and stays not uptodate until something reads it.  mincore does
# not count it (mm/mincore.c mincore_page(): uptodate only) and read-ahead
# passes over a cached folio (mm/readahead.c page_cache_ra_unbounded()),
# so a later pread at the start of the file caches its neighbours but
# not it.  Who zeroes (fs/ext4/inode.c ext4_block_zero_page_range()):
#   - ext4_zero_partial_blocks() after fallocate or a write past EOF
#     (Linux 6.12+, c7fc0366c656) and for a punched hole: the range's
#     first and last blocks when partial;
#   - ext4_block_truncate_page() at an unaligned new EOF (truncate down)
#     or old EOF (truncate up).
# Without a partial block nothing is cached: the pread's read-ahead (the
# first window, 4 pages, up to EOF) reads every page.

# fallocate grows 1p to 1p + 1: the new last block is partial
file c 1p
mmap a 64p --- shared file=c
fallocate c 1 1p
mincore a 4p => 0000
pread c 1
mincore a 4p => 1000
pread c 1p => 0x00
mincore a 4p => 1100

# fallocate to 6000: the end block [4096, 6000) is partial
file e 1p
mmap b 64p --- shared file=e
fallocate e 0 6000
pread e 1
mincore b 4p => 1000

# truncate down to 1p + 1: the new EOF block is zeroed past 4097
file s 2p
mmap c 64p --- shared file=s
ftruncate s 4097
pread s 1
mincore c 4p => 1000

# punching [4096, 4106) zeroes part of block 1
file p 2p
mmap d 64p --- shared file=p
fallocate p 4096 10 punch_hole,keep_size
pread p 1
mincore d 4p => 1000

# a write at 8202 past EOF 4097 zeroes the old EOF block from 4097 on
file w 4097
mmap e 64p --- shared file=w
pwrite w 8202 0x11
pread w 1
mincore e 4p => 1010

# no partial block: truncate up from an aligned size, a write at 8202
# past EOF 1p (its end block is the one written)
file b 1p
mmap f 64p --- shared file=b
ftruncate b 4097
pread b 1
mincore f 4p => 1100

file x 1p
mmap g 64p --- shared file=x
pwrite x 8202 0x11
pread x 1
mincore g 4p => 1110
