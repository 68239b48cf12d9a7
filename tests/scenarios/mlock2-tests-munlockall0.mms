# mlock2-tests.c, test_munlockall0: mlockall(MCL_CURRENT) locks and
# populates what is mapped; munlockall unlocks it.
mmap map 2p rw- private
mlockall current
smaps map VmFlags => rd wr mr mw me lo ac
smaps map Rss => 8 kB
munlockall
smaps map VmFlags => rd wr mr mw me ac
