# MADV_WIPEONFORK (VM_WIPEONFORK, "wf") on private anonymous memory: the
# child gets the VMA but empty, so it reads zeroes; the parent keeps its data.
mmap a 2p rw- private
write a 0x66 2p
madvise a 2p wipeonfork
smaps a VmFlags => rd wr mr mw me ac wf
fork child
@child maps =>
| 100000000000-100000002000 rw-p 00000000
@child smaps a Rss => 0 kB
@child read a 2p => 0
read a 2p => 0x66
