# munmap of the middle page of a VMA leaves two VMAs and a hole that
# faults with SIGSEGV.
mmap a 3p rw- private
write a 0x11 3p
munmap a+1p 1p
maps =>
| 100000000000-100000001000 rw-p 00000000
| 100000002000-100000003000 rw-p 00000000
read a+1p => SIGSEGV
read a => 0x11
read a+2p => 0x11
