# mlock2-tests.c, test_lock_onfault_of_present: MLOCK_ONFAULT over a
# range with a page already present keeps it and faults in nothing else.
mmap map 2p rw- private
write map 0x61
mlock map 2p onfault
smaps map VmFlags => rd wr mr mw me lo lf ac
smaps map Rss => 4 kB
