# mlock2-tests.c, test_vma_management(true): three pages locked on
# fault are one VMA; munlock of the middle page splits it in three;
# munlock of all of it merges them back.
mmap map 3p rw- private
mlock map 3p onfault
maps =>
| 100000000000-100000003000 rw-p 00000000
munlock map+1p 1p
maps =>
| 100000000000-100000001000 rw-p 00000000
| 100000001000-100000002000 rw-p 00000000
| 100000002000-100000003000 rw-p 00000000
smaps map+1p VmFlags => rd wr mr mw me ac
smaps map VmFlags => rd wr mr mw me lo lf ac
munlock map 3p
maps =>
| 100000000000-100000003000 rw-p 00000000
