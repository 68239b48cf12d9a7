# mmap with MAP_FIXED_NOREPLACE or MAP_FIXED at an address that is not
# page aligned fails with EINVAL.
mmap a 1p rw- private at=0x100000000001 => EINVAL
mmap b 1p rw- private,fixed at=0x100000000800 => EINVAL
maps =>
