# memfd_test.c, test_seal_future_write: F_SEAL_FUTURE_WRITE is allowed
# while a shared writable mapping exists; afterwards nothing new may
# write, through this open or a second one; a private mapping still
# copies on write across fork.
memfd f 2p sealing
mmap p 2p rw- shared file=f
seals f => none
seal f future_write
seals f => future_write
# reads work; private mappings, read-only and writable, are allowed
pread f 0 => 0
mmap r1 2p r-- private file=f
munmap r1 2p
mmap rw1 2p rw- private file=f
munmap rw1 2p
# a shared read-only mapping is allowed
mmap rs1 2p r-- shared file=f
munmap rs1 2p
# writes fail: write(), shared writable mappings, making a shared
# read-only mapping writable, punching a hole
pwrite f 0 0 4 => EPERM
mmap w1 2p rw- shared file=f => EPERM
mmap wo1 2p -w- shared file=f => EPERM
mmap ws1 2p r-- shared file=f
mprotect ws1 2p rw- => EACCES
munmap ws1 2p
fallocate f 0 2p punch_hole,keep_size => EPERM
# a second open file description, as through /proc/self/fd/N
reopen f2 f rdwr
# reads work; private mappings, read-only and writable, are allowed
pread f2 0 => 0
mmap r2 2p r-- private file=f2
munmap r2 2p
mmap rw2 2p rw- private file=f2
munmap rw2 2p
# a shared read-only mapping is allowed
mmap rs2 2p r-- shared file=f2
munmap rs2 2p
# writes fail: write(), shared writable mappings, making a shared
# read-only mapping writable, punching a hole
pwrite f2 0 0 4 => EPERM
mmap w2 2p rw- shared file=f2 => EPERM
mmap wo2 2p -w- shared file=f2 => EPERM
mmap ws2 2p r-- shared file=f2
mprotect ws2 2p rw- => EACCES
munmap ws2 2p
fallocate f2 0 2p punch_hole,keep_size => EPERM
# a private writable mapping: the child's store stays the child's
mmap priv 2p rw- private file=f
write priv 22
fork child
@child write priv 33
@child exit
read priv => 22
# the mapping from before the seal still writes
write p 0x5a
pread f 0 => 0x5a
munmap p 2p
close f2
