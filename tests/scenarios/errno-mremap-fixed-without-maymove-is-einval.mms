# MREMAP_FIXED without MREMAP_MAYMOVE is invalid: EINVAL, nothing moves.
mmap a 1p rw- private
mremap a 1p 1p to=0x100000200000 => EINVAL
maps =>
| 100000000000-100000001000 rw-p 00000000
