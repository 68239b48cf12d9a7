# In the child, a VMA inherited through fork has an anon_vma chain with the
# parent's anon_vma too (not singular), so a new unfaulted neighbour mapped
# in the child does not merge with it; in the parent, it does.
mmap a 1p rw- private
write a 0x11
fork child
@child mmap b 1p rw- private at=a+1p
@child maps =>
| 100000000000-100000001000 rw-p 00000000
| 100000001000-100000002000 rw-p 00000000
mmap b 1p rw- private at=a+1p
maps =>
| 100000000000-100000002000 rw-p 00000000
