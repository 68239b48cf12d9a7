# mprotect of an address that is not page aligned fails with EINVAL and
# changes nothing.
mmap a 2p rw- private
mprotect a+1 1p r-- => EINVAL
maps =>
| 100000000000-100000002000 rw-p 00000000
