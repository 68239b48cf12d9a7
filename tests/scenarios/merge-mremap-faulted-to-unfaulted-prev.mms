# Port of merge.c, mremap_faulted_to_unfaulted_prev: a faulted VMA A moved
# away, an unfaulted VMA B mapped where A was before, then A moved back
# with MREMAP_DONTUNMAP right after B: they merge (B takes A's anon_vma).
#
#   B (unfaulted) | <- A (faulted, from c+20p)
mmap c 30p --- private
mmap a 3p rw- private,fixed at=c+4p
write a 0x78
mremap a 3p 3p maymove to=c+20p as=a
mmap b 3p rw- private,fixed at=c+1p
mremap a 3p 3p maymove dontunmap to=c+4p as=a2
maps =>
| 100000000000-100000001000 ---p 00000000
| 100000001000-100000007000 rw-p 00000000
| 100000007000-100000014000 ---p 00000000
| 100000014000-100000017000 rw-p 00000000
| 100000017000-10000001e000 ---p 00000000
read a2 => 0x78
