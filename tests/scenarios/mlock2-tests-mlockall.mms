# mlock2-tests.c, test_mlockall: after
# mlockall(MCL_CURRENT|MCL_ONFAULT|MCL_FUTURE) a new mapping is born
# locked on fault; the VMA management of test_vma_management(false)
# holds for it; munlockall.
mlockall current,onfault,future
mmap map 3p rw- private
smaps map VmFlags => rd wr mr mw me lo lf ac
smaps map Rss => 0 kB
maps =>
| 100000000000-100000003000 rw-p 00000000
munlock map+1p 1p
maps =>
| 100000000000-100000001000 rw-p 00000000
| 100000001000-100000002000 rw-p 00000000
| 100000002000-100000003000 rw-p 00000000
munlock map 3p
maps =>
| 100000000000-100000003000 rw-p 00000000
munlockall
