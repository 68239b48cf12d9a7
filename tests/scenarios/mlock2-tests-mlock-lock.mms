# mlock2-tests.c, test_mlock_lock: mlock2 with no flags locks and
# populates (VmFlags lo, Rss equals Size); munlock takes lo away.
mmap map 2p rw- private
mlock map 2p
smaps map VmFlags => rd wr mr mw me lo ac
smaps map Rss => 8 kB
smaps map Size => 8 kB
munlock map 2p
smaps map VmFlags => rd wr mr mw me ac
