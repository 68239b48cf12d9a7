# Port of merge.c, mremap_faulted_to_unfaulted_prev_faulted_next: one
# faulted six-page VMA split by moving its first half (B) away, leaving
# C faulted in place (same anon_vma, pgoffs aligned); an unfaulted A is
# mapped before the hole, then B moved back with MREMAP_DONTUNMAP: A, B
# and C merge.
#
#   A (unfaulted) | <- B (faulted) -> | C (faulted)
mmap c 30p --- private
mmap bc 6p rw- private,fixed at=c+4p
write bc 0x78
mremap bc 3p 3p maymove to=c+20p as=b
mmap a 3p rw- private,fixed at=c+1p
mremap b 3p 3p maymove dontunmap to=c+4p as=b2
maps =>
| 100000000000-100000001000 ---p 00000000
| 100000001000-10000000a000 rw-p 00000000
| 10000000a000-100000014000 ---p 00000000
| 100000014000-100000017000 rw-p 00000000
| 100000017000-10000001e000 ---p 00000000
read b2 => 0x78
