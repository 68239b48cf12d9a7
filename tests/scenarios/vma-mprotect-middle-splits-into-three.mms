# mprotect of the middle page of an anonymous VMA splits it into three
# VMAs: the protection is per-VMA, so [start, end) is split at both ends.
mmap a 3p rw- private
write a 0x11 3p
mprotect a+1p 1p r--
maps =>
| 100000000000-100000001000 rw-p 00000000
| 100000001000-100000002000 r--p 00000000
| 100000002000-100000003000 rw-p 00000000
read a+1p 1p => 0x11
write a+1p 0x22 => SIGSEGV
write a+2p 0x33
