# Port of merge.c, mremap_unfaulted_behind_faulted: the same, moved just
# before the faulted VMA.
mmap c 30p --- private
mmap a 5p rw- private,fixed at=c+6p
mmap b 5p rw- private,fixed at=c+14p
mremap b 5p 5p maymove to=c+1000p as=b
write a 0x78
mremap b 5p 5p maymove to=a-5p
maps =>
| 100000000000-100000001000 ---p 00000000
| 100000001000-10000000b000 rw-p 00000000
| 10000000b000-10000000e000 ---p 00000000
| 100000013000-10000001e000 ---p 00000000
