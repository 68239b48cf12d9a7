# MAP_LOCKED maps the range VM_LOCKED and populates it like mlock.
mmap a 2p rw- private,locked
smaps a VmFlags => rd wr mr mw me lo ac
smaps a Rss => 8 kB
smaps a Locked => 8 kB
