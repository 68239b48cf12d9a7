# Rule (mm/memfd.c, fs/proc/task_mmu.c): a memfd is an unlinked shmem file
# named "memfd:NAME"; /proc/PID/maps shows its path as "/memfd:NAME (deleted)",
# with the file offset of each VMA; a private mapping is shown "p".
memfd buf 4p
mmap a 2p rw- shared file=buf
mmap b 2p r-- private file=buf off=2p
maps =>
| 100000000000-100000002000 rw-s 00000000 /memfd:buf (deleted)
| 100040000000-100040002000 r--p 00002000 /memfd:buf (deleted)
