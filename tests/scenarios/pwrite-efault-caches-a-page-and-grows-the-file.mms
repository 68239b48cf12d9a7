# A pwrite(2) from memory that cannot be read fails with EFAULT, but
# since Linux 6.14 ("filemap: move prefaulting out of hot write path")
# the page cache gets its folio before the source is read: the failed
# chunk leaves a zeroed page cached and the file grown to the write's
# offset, on tmpfs (shmem_write_end) and on ext4 alike.  A short copy
# grows the file to the end of what was copied.
memfd f 1p
file g 1p
mmap src 2p rw- private
write src 0x5a 1p
mprotect src+1p 1p ---
syswrite f 16p src+1p 4096 => EFAULT
syswrite g 16p src+1p 4096 => EFAULT
mmap a 20p r-- shared file=f
mmap b 20p r-- shared file=g
# page 16 is cached, past the end of the file
mincore a 20p => 00000000000000001000
mincore b 20p => 00000000000000001000
read a+15p => 0x00
read a+16p => SIGBUS
read b+15p => 0x00
read b+16p => SIGBUS
# a short copy: 96 readable bytes at the end of page 18, then the
# protected page
syswrite f 77728 src+4000 200 => 96
read a+77823 => 0x5a
read a+19p => SIGBUS
