# A hole punched past EOF takes the whole EOF block: ext4
# (fs/ext4/inode.c ext4_punch_hole()) rounds such an end up to the block
# after i_size, so the EOF page leaves the cache and its shared mappings,
# and a byte stored past EOF through a mapping is gone with it.  A hole
# that ends inside the file zeroes only up to its end.
file f 4097
mmap a 2p rw- shared file=f
write a+4196 0xd5
write a+50 0xd4
fallocate f 1 10000 punch_hole,keep_size
pagemap a+1p => none
read a+4196 => 0x00
read a+50 => 0x00
pread f 4096 => 0x00

# ends inside the file (8193 < 8392): the EOF page keeps what lies past
# the hole, past EOF too
file g 8392
mmap b 3p rw- shared file=g
write b+4196 0xd3
write b+8292 0xd5
write b+8500 0xd6
fallocate g 1 8192 punch_hole,keep_size
read b+4196 => 0x00
pread g 8292 => 0xd5
read b+8500 => 0xd6

# ends exactly at EOF (1 + 4096 = 4097): not past it, so the EOF page
# stays, with what lies past EOF
file h 4097
mmap c 2p rw- shared file=h
write c+4196 0xd5
fallocate h 1 4096 punch_hole,keep_size
read c+4196 => 0xd5
read c+4096 => 0x00
