# Rule (mm/shmem.c shmem_fault, mm/truncate.c): ftruncate() shrinking a file
# unmaps the pages beyond the new EOF from every mapping; a later access to a
# page wholly past EOF raises SIGBUS, while the VMA itself stays.
memfd f 2p
mmap m 2p rw- shared file=f
write m 0x11 2p
ftruncate f 1p
read m => 0x11
read m+1p => SIGBUS
write m+1p 0x22 => SIGBUS
pagemap m+1p => none
maps =>
| 100000000000-100000002000 rw-s 00000000 /memfd:f (deleted)
