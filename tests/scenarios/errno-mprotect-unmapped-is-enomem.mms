# mprotect of a range that is not mapped fails with ENOMEM, also when only
# the start of the range is unmapped.
mprotect 0x100000000000 1p r-- => ENOMEM
mmap a 2p rw- private at=0x100000001000
mprotect 0x100000000000 2p r-- => ENOMEM
maps =>
| 100000001000-100000003000 rw-p 00000000
