# mremap MREMAP_MAYMOVE|MREMAP_FIXED moves the pages to the new address:
# the contents are read there, and the old range is unmapped (SIGSEGV).
mmap a 2p rw- private
write a 0x33 1p
write a+1p 0x44 1p
mremap a 2p 2p maymove to=0x100000200000 as=n
read n 1p => 0x33
read n+1p 1p => 0x44
read a => SIGSEGV
read a+1p => SIGSEGV
maps =>
| 100000200000-100000202000 rw-p 00000000
smaps n Rss => 8 kB
