# MAP_FIXED over part of an existing mapping unmaps what was there: the old
# VMA is split around the new one (here r--, so nothing merges) and the old
# contents of that page are gone.
mmap a 3p rw- private
write a 0x11 3p
mmap b 1p r-- private,fixed at=a+1p
maps =>
| 100000000000-100000001000 rw-p 00000000
| 100000001000-100000002000 r--p 00000000
| 100000002000-100000003000 rw-p 00000000
read b 1p => 0
write b 1 => SIGSEGV
read a => 0x11
read a+2p => 0x11
