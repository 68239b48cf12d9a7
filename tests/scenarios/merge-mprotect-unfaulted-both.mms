# Port of merge.c, mprotect_unfaulted_both: an unfaulted middle between
# faulted left and right parts of one VMA merges all three (they share
# the anon_vma, faulted before the split).  The PROT_NONE pieces left
# around the moved VMAs in the other merge-* ports are the holes the
# moves leave in the carveout.
mmap c 30p --- private
mmap a 9p rw- private,fixed at=c+1p
write a 0x78
write a+6p 0x78
mprotect a+3p 3p r--
mprotect a+3p 3p rw-
maps =>
| 100000000000-100000001000 ---p 00000000
| 100000001000-10000000a000 rw-p 00000000
| 10000000a000-10000001e000 ---p 00000000
