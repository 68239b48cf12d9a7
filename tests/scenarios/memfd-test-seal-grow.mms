# memfd_test.c, test_seal_grow: under F_SEAL_GROW the file can be
# read, written and shrunk, not grown - a write past the end is short.
memfd f 2p sealing
seals f => none
seal f grow
seals f => grow
# reads work; private mappings, read-only and writable, are allowed
pread f 0 => 0
mmap r1 2p r-- private file=f
munmap r1 2p
mmap rw1 2p rw- private file=f
munmap rw1 2p
# writes work: write(), a shared writable mapping, a write-only one, a
# read-only one made writable, punching a hole
pwrite f 0 0 4
mmap w1 2p rw- shared file=f
write w1 0
munmap w1 2p
mmap wo1 2p -w- shared file=f
write wo1 0
munmap wo1 2p
mmap ws1 2p r-- shared file=f
mprotect ws1 2p rw-
write ws1 0
munmap ws1 2p
fallocate f 0 2p punch_hole,keep_size
# shrinking works, by ftruncate and by an open with O_TRUNC
ftruncate f 1p
pread f 4095 => 0
pread f 4096 => eof
reopen t1 f rdwr,trunc
close t1
pread f 0 => eof
# growing fails, by ftruncate and by fallocate
ftruncate f 4p => EPERM
fallocate f 0 8p => EPERM
# a 64 KiB write from the start does not complete
mmap buf1 16p rw- private
syswrite f 0 buf1 64k => EPERM
