# Rule (drivers/char/mem.c mmap_zero): every MAP_SHARED mmap() of /dev/zero
# creates its own shmem object; two such mappings of the same fd do not share
# pages.
open z zero
mmap s1 1p rw- shared file=z
mmap s2 1p rw- shared file=z
write s1 0x11
write s2 0x22
read s1 => 0x11
read s2 => 0x22
frame s1 @main s2 => different
