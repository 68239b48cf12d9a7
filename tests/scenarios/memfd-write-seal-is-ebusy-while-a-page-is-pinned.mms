# F_SEAL_WRITE waits for references beyond the page cache and the
# mappings to go (memfd_wait_for_pins) and fails with EBUSY if they do
# not: a long-term pin taken through a shared mapping keeps the seal away
# after the mapping is gone, until it is released.
memfd f 2p sealing
mmap m 2p rw- shared file=f
write m 1 2p
pin p m 2p
munmap m 2p
seal f write => EBUSY
seals f => none
unpin p
seal f write
seals f => write
