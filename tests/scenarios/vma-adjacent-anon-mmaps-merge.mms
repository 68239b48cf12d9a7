# A new anonymous mapping directly after a compatible one (same flags, no
# anon_vma yet) is merged into it: maps shows one VMA.
mmap a 2p rw- private
mmap b 2p rw- private at=a+2p
maps =>
| 100000000000-100000004000 rw-p 00000000
