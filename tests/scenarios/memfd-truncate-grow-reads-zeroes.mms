# Rule (mm/shmem.c): growing a file with ftruncate() creates a hole; the new
# range reads as zeroes through mappings and pread, and old data that was cut
# off by a previous shrink does not come back.
memfd f 2p
mmap m 2p rw- shared file=f
write m 0x11 2p
ftruncate f 1p
read m+1p => SIGBUS
ftruncate f 2p
read m+1p 1p => 0
pread f 1p => 0
read m 1p => 0x11
write m+1p 0x33
pread f 1p => 0x33
