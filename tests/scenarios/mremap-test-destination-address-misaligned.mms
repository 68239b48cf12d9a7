# Port of mremap_test.c, remap case 1, "mremap - Destination Address
# Misaligned (1KB-aligned)": MREMAP_FIXED to an address that is not page
# aligned is EINVAL, and the source stays.
mmap s 1p rw- private
write s 0x11
mremap s 1p 1p maymove to=0x100100000400 => EINVAL
read s => 0x11
maps =>
| 100000000000-100000001000 rw-p 00000000
