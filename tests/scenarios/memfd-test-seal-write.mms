# memfd_test.c, test_seal_write: under F_SEAL_WRITE the file can be
# read and mapped privately, not written by any means; it can still
# shrink and grow, but not by writing.
memfd f 2p sealing
seals f => none
seal f write
seals f => write
# reads work; private mappings, read-only and writable, are allowed
pread f 0 => 0
mmap r1 2p r-- private file=f
munmap r1 2p
mmap rw1 2p rw- private file=f
munmap rw1 2p
# writes fail: write(), shared writable mappings, making a shared
# read-only mapping writable, punching a hole
pwrite f 0 0 4 => EPERM
mmap w1 2p rw- shared file=f => EPERM
mmap wo1 2p -w- shared file=f => EPERM
mmap ws1 2p r-- shared file=f
mprotect ws1 2p rw- => EACCES
munmap ws1 2p
fallocate f 0 2p punch_hole,keep_size => EPERM
# shrinking works, by ftruncate and by an open with O_TRUNC
ftruncate f 1p
pread f 4095 => 0
pread f 4096 => eof
reopen t1 f rdwr,trunc
close t1
pread f 0 => eof
# growing works, by ftruncate and by fallocate
ftruncate f 4p
pread f 16383 => 0
pread f 16384 => eof
fallocate f 0 8p
pread f 32767 => 0
pread f 32768 => eof
# a 64 KiB write from the start does not complete
mmap buf1 16p rw- private
syswrite f 0 buf1 64k => EPERM
