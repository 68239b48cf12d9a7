# Port of merge.c, mremap_unfaulted_between_faulted_unfaulted: between a
# faulted and an unfaulted VMA, the moved unfaulted VMA merges both.
mmap c 30p --- private
mmap a 5p rw- private,fixed at=c+1p
mmap b 5p rw- private,fixed at=c+7p
mmap d 5p rw- private,fixed at=c+20p
mremap b 5p 5p maymove to=c+1000p as=b
mremap d 5p 5p maymove to=c+11p as=d
write a 0x78
mremap b 5p 5p maymove to=a+5p
maps =>
| 100000000000-100000001000 ---p 00000000
| 100000001000-100000010000 rw-p 00000000
| 100000010000-100000014000 ---p 00000000
| 100000019000-10000001e000 ---p 00000000
