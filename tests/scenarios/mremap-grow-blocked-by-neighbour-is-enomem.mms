# Without MREMAP_MAYMOVE, growing a mapping whose next page is occupied by
# another VMA fails with ENOMEM and changes nothing.
mmap a 1p rw- private
write a 0x11
mmap b 1p r-- private at=a+1p
mremap a 1p 2p => ENOMEM
maps =>
| 100000000000-100000001000 rw-p 00000000
| 100000001000-100000002000 r--p 00000000
read a => 0x11
