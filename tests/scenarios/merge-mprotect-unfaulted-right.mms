# Port of merge.c, mprotect_unfaulted_right: the same on the right side.
mmap c 30p --- private
mmap a 10p rw- private,fixed at=c+1p
mprotect a+5p 5p r--
write a 0x78
mprotect a+5p 5p rw-
maps =>
| 100000000000-100000001000 ---p 00000000
| 100000001000-10000000b000 rw-p 00000000
| 10000000b000-10000001e000 ---p 00000000
