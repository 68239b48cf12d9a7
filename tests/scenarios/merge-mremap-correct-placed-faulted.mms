# Port of merge.c, mremap_correct_placed_faulted: the middle of a faulted
# VMA moved away and back merges again (its folios keep their index).
mmap c 30p --- private
mmap a 15p rw- private,fixed at=c+1p
write a 0x78 15p
mremap a+5p 5p 5p maymove to=c+1000p as=m
maps =>
| 100000000000-100000001000 ---p 00000000
| 100000001000-100000006000 rw-p 00000000
| 10000000b000-100000010000 rw-p 00000000
| 100000010000-10000001e000 ---p 00000000
| 1000003e8000-1000003ed000 rw-p 00000000
mremap m 5p 5p maymove to=a+5p
maps =>
| 100000000000-100000001000 ---p 00000000
| 100000001000-100000010000 rw-p 00000000
| 100000010000-10000001e000 ---p 00000000
read a 15p => 0x78
