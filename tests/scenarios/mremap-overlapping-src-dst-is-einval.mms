# mremap with MREMAP_FIXED to a destination that overlaps the source range
# is rejected with EINVAL; the mapping is unchanged.
mmap a 4p rw- private
write a 0x11 4p
mremap a 2p 2p maymove to=a+1p => EINVAL
mremap a+1p 2p 2p maymove to=a => EINVAL
maps =>
| 100000000000-100000004000 rw-p 00000000
read a 4p => 0x11
