# Rule (drivers/char/mem.c mmap_zero): a MAP_PRIVATE mapping of /dev/zero is
# turned into anonymous memory (vma_set_anonymous); maps still shows the
# /dev/zero path because vm_file is kept. It reads zeroes, and fork() gives
# COW semantics.
open z zero
mmap a 1p rw- private file=z
maps =>
| 100000000000-100000001000 rw-p 00000000 /dev/zero
write a 0x11
read a+1 => 0
fork child
write a 0x22
@child read a => 0x11
