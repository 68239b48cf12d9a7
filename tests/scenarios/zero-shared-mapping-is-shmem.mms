# Rule (drivers/char/mem.c mmap_zero -> shmem_zero_setup): a MAP_SHARED
# mapping of /dev/zero is backed by a fresh shmem object, shown as
# "/dev/zero (deleted)"; it is shared with children across fork().
open z zero
mmap s 1p rw- shared file=z
maps =>
| 100000000000-100000001000 rw-s 00000000 /dev/zero (deleted)
write s 0x11
fork child
@child read s => 0x11
@child write s 0x22
read s => 0x22
