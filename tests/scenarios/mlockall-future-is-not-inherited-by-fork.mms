# Memory locks and mlockall(MCL_FUTURE) are not inherited: a child's
# copies of locked VMAs are unlocked, and its new mappings are not born
# locked.
mmap a 2p rw- private
mlockall current,future
mmap b 1p rw- private
smaps b VmFlags => rd wr mr mw me lo ac
fork child
@child smaps a VmFlags => rd wr mr mw me ac
@child status VmLck => 0 kB
@child mmap c 1p rw- private
@child smaps c VmFlags => rd wr mr mw me ac
munlockall
