# A page moved out of the middle of a VMA and then moved back to its old
# place merges again into one VMA: its vm_pgoff and anon_vma travelled
# with it, so it is still compatible with both neighbours.
mmap a 3p rw- private
write a 0x11 3p
mremap a+1p 1p 1p maymove to=0x100000200000 as=n
maps =>
| 100000000000-100000001000 rw-p 00000000
| 100000002000-100000003000 rw-p 00000000
| 100000200000-100000201000 rw-p 00000000
write n 0x22
mremap n 1p 1p maymove to=a+1p
maps =>
| 100000000000-100000003000 rw-p 00000000
read a+1p => 0x22
read a+2p => 0x11
