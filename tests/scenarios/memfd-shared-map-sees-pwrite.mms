# Rule (mm/shmem.c, page cache coherence): pwrite() goes through the same
# page cache a MAP_SHARED mapping maps, so it is visible at once through the
# mapping, whether or not the page was already faulted in.
memfd f 2p
mmap m 2p rw- shared file=f
read m => 0                     # faults page 0 in (zero-filled file)
pwrite f 0 0x42
pwrite f 1p 0x43
read m => 0x42
read m+1p => 0x43
