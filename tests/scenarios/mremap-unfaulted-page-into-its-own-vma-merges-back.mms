# A page of a never-faulted VMA moved to a hole punched in that same VMA
# takes the pgoff of its new address, so it merges with both sides - one
# of which is the VMA it comes from.  copy_vma hands mremap the merged
# VMA (the kernel's *vmap); the model used the freed one (found by the
# fuzzer, ASan: heap-use-after-free in move_ptes).  Host-verified.
mmap big 1g rw- private
mmap a 3p rw- private
maps =>
| 100000000000-100040003000 rw-p 00000000
mremap a+1p 1p 1p maymove to=0x100000200000 as=n
maps =>
| 100000000000-100040001000 rw-p 00000000
| 100040002000-100040003000 rw-p 00000000
write n 0x22
read a => 0
read a+2p => 0
read a+1p => SIGSEGV
# Faulted, the page keeps its pgoff: it stays a VMA of its own.
write a 0x11
mremap a 1p 1p maymove to=0x100000400000 as=m
maps =>
| 100000000000-100000400000 rw-p 00000000
| 100000400000-100000401000 rw-p 00000000
| 100000401000-100040000000 rw-p 00000000
| 100040002000-100040003000 rw-p 00000000
read m => 0x11
read n => 0x22
