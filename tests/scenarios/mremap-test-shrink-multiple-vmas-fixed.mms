# Port of mremap_test.c, mremap_shrink_multiple_vmas(fixed): the same
# shrink while moving to a fixed address: the tail goes first, so the one
# remaining page moves.
mmap s 10p rw- private
write s 0x61
mprotect s+1p 1p r--
mprotect s+3p 1p r--
mremap s 10p 1p maymove to=0x100100000000 as=d
read d => 0x61
maps =>
| 100100000000-100100001000 rw-p 00000000
