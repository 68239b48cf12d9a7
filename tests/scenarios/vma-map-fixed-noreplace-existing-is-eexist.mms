# MAP_FIXED_NOREPLACE (at=) onto a range that overlaps an existing mapping
# fails with EEXIST and leaves the existing mapping untouched.
mmap a 2p rw- private
write a 0x11 2p
mmap b 1p r-- private at=a+1p => EEXIST
mmap c 2p r-- private at=a-1p => EEXIST
maps =>
| 100000000000-100000002000 rw-p 00000000
read a+1p => 0x11
