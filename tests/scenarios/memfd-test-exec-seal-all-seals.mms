# memfd_test.c, test_exec_seal ("Apply ALL_SEALS"): on an executable
# memfd (MFD_EXEC) F_SEAL_EXEC brings the write seals with it, and then
# nothing can write.  (The selftest first chmods to 0700: still
# executable; the chmod checks themselves are not ported, the scenario
# language has no fchmod.)
memfd f 2p sealing,exec
seals f => none
seal f exec
seals f => exec shrink grow write future_write
# writes fail: write(), shared writable mappings, making a shared
# read-only mapping writable, punching a hole
pwrite f 0 0 4 => EPERM
mmap w1 2p rw- shared file=f => EPERM
mmap wo1 2p -w- shared file=f => EPERM
mmap ws1 2p r-- shared file=f
mprotect ws1 2p rw- => EACCES
munmap ws1 2p
fallocate f 0 2p punch_hole,keep_size => EPERM
