# mlock2-tests.c, test_mlock_onfault: mlock2(MLOCK_ONFAULT) marks the
# VMA locked (lo lf) without faulting it in: after one store only that
# page is resident (Rss below Size); munlock clears both flags.
mmap map 2p rw- private
mlock map 2p onfault
write map 0x61
smaps map VmFlags => rd wr mr mw me lo lf ac
smaps map Rss => 4 kB
smaps map Size => 8 kB
munlock map 2p
smaps map VmFlags => rd wr mr mw me ac
smaps map+1p VmFlags => rd wr mr mw me ac
