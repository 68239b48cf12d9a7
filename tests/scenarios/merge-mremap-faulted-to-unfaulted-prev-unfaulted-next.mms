# Port of merge.c, mremap_faulted_to_unfaulted_prev_unfaulted_next: a
# faulted VMA B moved away, unfaulted VMAs A and C mapped on either side
# of the hole it left, then B moved back into the hole with
# MREMAP_DONTUNMAP: all three merge.
#
#   A (unfaulted) | <- B (faulted) -> | C (unfaulted)
mmap c 30p --- private
mmap b 3p rw- private,fixed at=c+4p
write b 0x78
mremap b 3p 3p maymove to=c+20p as=b
mmap a 3p rw- private,fixed at=c+1p
mmap cc 3p rw- private,fixed at=c+7p
mremap b 3p 3p maymove dontunmap to=c+4p as=b2
maps =>
| 100000000000-100000001000 ---p 00000000
| 100000001000-10000000a000 rw-p 00000000
| 10000000a000-100000014000 ---p 00000000
| 100000014000-100000017000 rw-p 00000000
| 100000017000-10000001e000 ---p 00000000
read b2 => 0x78
