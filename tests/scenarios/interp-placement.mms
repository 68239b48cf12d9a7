# The arena: the k-th mmap without at= lands at 0x100000000000 + k * 1g,
# counted across processes, whether it succeeds or fails.
mmap a 1p rw- private                  # slot 0
mmap bad 0 rw- private => EINVAL       # slot 1, consumed by the failure
fork kid
@kid mmap k 2p r-- private             # slot 2, in the child
mmap b 2p rw- private                  # slot 3
mmap c 1p rw- private at=0x100000100000
mmap d 1p rw- private at=c => EEXIST   # MAP_FIXED_NOREPLACE
mmap e 1p r-- private,fixed at=c       # MAP_FIXED replaces c
mmap f 1p rw- private at=b+1p => EEXIST
maps =>
| 100000000000-100000001000 rw-p 00000000
| 100000100000-100000101000 r--p 00000000
| 1000c0000000-1000c0002000 rw-p 00000000
@kid maps =>
| 100000000000-100000001000 rw-p 00000000
| 100080000000-100080002000 r--p 00000000
