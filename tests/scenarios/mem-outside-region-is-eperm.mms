# Rule (drivers/char/mem.c mmap_mem -> range_is_allowed): /dev/mem refuses a
# range it does not allow with EPERM (the model allows its I/O region, 64 MiB).
require model
open m mem
mmap a 2p r-- shared file=m off=16383p => EPERM
mmap a 1p r-- shared file=m off=16383p
maps =>
| 100040000000-100040001000 r--s 03fff000 /dev/mem
