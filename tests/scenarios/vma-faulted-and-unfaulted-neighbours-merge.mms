# A faulted VMA (it has an anon_vma) and a new unfaulted neighbour (no
# anon_vma) merge: a missing anon_vma is compatible with any.
mmap a 1p rw- private
write a 0x11
mmap b 1p rw- private at=a+1p
maps =>
| 100000000000-100000002000 rw-p 00000000
write b 0x22
read a => 0x11
read b => 0x22
