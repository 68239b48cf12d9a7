# MADV_DONTFORK on part of a VMA splits it and sets VM_DONTCOPY ("dc"):
# fork does not copy that VMA, so the child has a hole there.
mmap a 2p rw- private
write a 0x11 2p
madvise a+1p 1p dontfork
smaps a+1p VmFlags => rd wr mr mw me dc ac
maps =>
| 100000000000-100000001000 rw-p 00000000
| 100000001000-100000002000 rw-p 00000000
fork child
@child maps =>
| 100000000000-100000001000 rw-p 00000000
@child read a+1p => SIGSEGV
@child read a => 0x11
