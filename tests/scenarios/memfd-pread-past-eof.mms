# Rule (mm/shmem.c shmem_file_read_iter): pread() at or past i_size returns 0
# bytes (EOF); a shared mapping past EOF is SIGBUS rather than zeroes.
memfd f 1p
mmap m 2p rw- shared file=f
pread f 1p => eof
read m+1p => SIGBUS
pwrite f 1p 0x44
read m+1p => 0x44
