# munmap of an address that is not page aligned fails with EINVAL; an
# unaligned length is rounded up instead.
mmap a 3p rw- private
munmap a+1 1p => EINVAL
munmap a 0 => EINVAL
munmap a+2p 1 => ok
maps =>
| 100000000000-100000002000 rw-p 00000000
