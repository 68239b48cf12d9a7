# Port of tools/testing/selftests/mm/merge.c, mremap_unfaulted_to_faulted:
# a never-faulted anonymous VMA moved right after a faulted one merges
# with it: having no anon_vma, it takes the pgoff of its new address
# (copy_vma), so the offsets line up.
mmap c 30p --- private
mmap a 5p rw- private,fixed at=c+1p
mmap b 5p rw- private,fixed at=c+7p
mremap b 5p 5p maymove to=c+1000p as=b
write a 0x78
mremap b 5p 5p maymove to=a+5p
maps =>
| 100000000000-100000001000 ---p 00000000
| 100000001000-10000000b000 rw-p 00000000
| 10000000c000-10000001e000 ---p 00000000
