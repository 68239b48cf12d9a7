# A move of several VMAs whose target overlaps the source range is
# EINVAL before anything moves, as for one VMA: the kernel checks the
# whole ranges (check_mremap_params) before it moves VMA by VMA.  The
# model checked each piece against itself only, moved the first VMA onto
# the range before it and then used the VMA that move had freed (found
# by the fuzzer, ASan: heap-use-after-free in move_vma).  Host-verified.
mmap a 4p rw- private
mprotect a+1p 1p r--
write a 0x11
write a+2p 0x33
mremap a+1p 2p 2p maymove to=a => EINVAL
mremap a+1p 2p 2p maymove to=a+2p => EINVAL
mremap a+1p 2p 2p maymove dontunmap to=a => EINVAL
maps =>
| 100000000000-100000001000 rw-p 00000000
| 100000001000-100000002000 r--p 00000000
| 100000002000-100000004000 rw-p 00000000
read a => 0x11
read a+2p => 0x33
# apart from the source, the same move goes through
mremap a+1p 2p 2p maymove to=a+8p as=b
read b+1p => 0x33
maps =>
| 100000000000-100000001000 rw-p 00000000
| 100000003000-100000004000 rw-p 00000000
| 100000008000-100000009000 r--p 00000000
| 100000009000-10000000a000 rw-p 00000000
