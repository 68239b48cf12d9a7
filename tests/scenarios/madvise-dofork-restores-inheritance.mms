# MADV_DOFORK clears VM_DONTCOPY again: the split VMAs merge back, and the
# whole range is inherited by a child.
mmap a 2p rw- private
write a 0x11 2p
madvise a+1p 1p dontfork
madvise a+1p 1p dofork
maps =>
| 100000000000-100000002000 rw-p 00000000
fork child
@child maps =>
| 100000000000-100000002000 rw-p 00000000
@child read a+1p => 0x11
