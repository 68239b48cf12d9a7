# mlock2-tests.c, test_munlockall1: mlockall(MCL_CURRENT|MCL_ONFAULT)
# locks on fault (one store, one resident page); munlockall; then
# mlockall(MCL_CURRENT|MCL_FUTURE) locks and populates; munlockall.
mmap map 2p rw- private
mlockall current,onfault
write map 0x61
smaps map VmFlags => rd wr mr mw me lo lf ac
smaps map Rss => 4 kB
munlockall
smaps map VmFlags => rd wr mr mw me ac
mlockall current,future
smaps map VmFlags => rd wr mr mw me lo ac
smaps map Rss => 8 kB
munlockall
smaps map VmFlags => rd wr mr mw me ac
