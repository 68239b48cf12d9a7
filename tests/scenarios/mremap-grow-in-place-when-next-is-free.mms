# mremap grows a mapping in place (no MREMAP_MAYMOVE needed) when the range
# after it is free; the old contents stay, the new pages are zero-filled.
mmap a 1p rw- private
write a 0x11 1p
mremap a 1p 3p
maps =>
| 100000000000-100000003000 rw-p 00000000
read a 1p => 0x11
write a+1p 0x22 2p
read a+1p 2p => 0x22
