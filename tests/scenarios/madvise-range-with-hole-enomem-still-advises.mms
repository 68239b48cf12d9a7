# madvise over a range with a hole returns ENOMEM, but the advice is still
# applied to every mapped part of the range (madvise_walk_vmas goes on).
mmap a 3p rw- private
munmap a+1p 1p
madvise a 3p dontfork => ENOMEM
smaps a VmFlags => rd wr mr mw me dc ac
smaps a+2p VmFlags => rd wr mr mw me dc ac
fork child
@child maps =>
