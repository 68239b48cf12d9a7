# mlock sets VM_LOCKED ("lo") and populates the range; a writable private
# mapping is populated with write faults (COW broken up front), so every
# page is resident, counted in Rss and in Locked.
mmap a 3p rw- private
mlock a 3p
smaps a VmFlags => rd wr mr mw me lo ac
smaps a Rss => 12 kB
smaps a Locked => 12 kB
pagemap a+2p => present excl
