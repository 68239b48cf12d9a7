# memfd_test.c, test_seal_write_map_read_shared: after F_SEAL_WRITE a
# shared read-only mapping is allowed; writes still fail.
memfd f 2p sealing
seal f write
seals f => write
mmap p 2p r-- shared file=f
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
munmap p 2p
