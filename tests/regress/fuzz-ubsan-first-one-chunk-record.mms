mmap a 2p rw- private
write a 0x11
madvise a+1 1p dontneed => EINVAL
read a => 0x11
smaps a+2p VmFlags => rd wr mr mw me dc ac
fork child
@child maps =>
