# Port of merge.c, mremap_unfaulted_between_correctly_placed_faulted: two
# pieces of one faulted VMA (one anon_vma, offsets in line) and an
# unfaulted VMA moved into the hole between them: all three merge.
mmap c 30p --- private
mmap a 15p rw- private,fixed at=c+1p
write a 0x78 15p
munmap a+5p 5p
mmap b 5p rw- private,fixed at=c+20p
mremap b 5p 5p maymove to=c+1000p as=b
mremap b 5p 5p maymove to=a+5p
maps =>
| 100000000000-100000001000 ---p 00000000
| 100000001000-100000010000 rw-p 00000000
| 100000010000-100000014000 ---p 00000000
| 100000019000-10000001e000 ---p 00000000
