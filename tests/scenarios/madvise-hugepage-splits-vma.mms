# MADV_HUGEPAGE / MADV_NOHUGEPAGE on sub-ranges set VM_HUGEPAGE ("hg") and
# VM_NOHUGEPAGE ("nh"), splitting the VMA at the range boundaries.
mmap a 4p rw- private
madvise a+1p 1p hugepage
madvise a+2p 1p nohugepage
maps =>
| 100000000000-100000001000 rw-p 00000000
| 100000001000-100000002000 rw-p 00000000
| 100000002000-100000003000 rw-p 00000000
| 100000003000-100000004000 rw-p 00000000
smaps a VmFlags => rd wr mr mw me ac
smaps a+1p VmFlags => rd wr mr mw me ac hg
smaps a+2p VmFlags => rd wr mr mw me ac nh
smaps a+3p VmFlags => rd wr mr mw me ac
