# Files by name: memfd, pwrite/pread through the page cache, shared maps.
memfd f 2p
pwrite f 0 0x42 2p
pread f 0 => 0x42
pwrite f 1p 0x43
pread f 1p => 0x43
pread f 4097 => 0x42
pread f 4095 => 0x42
mmap m 2p rw- shared file=f
read m => 0x42
write m+1 0x44
pread f 1 => 0x44
maps =>
| 100000000000-100000002000 rw-s 00000000 /memfd:f (deleted)
close f
read m => 0x42                          # the mapping keeps the file
mremap m 2p 1p
maps =>
| 100000000000-100000001000 rw-s 00000000 /memfd:f (deleted)
mremap m 1p 2p maymove to=0x100000200000 as=n
read n+1 => 0x44
maps =>
| 100000200000-100000202000 rw-s 00000000 /memfd:f (deleted)
