# memfd_test.c, test_share_mmap: a shared writable mapping keeps
# F_SEAL_WRITE away but not other seals; a private read-only one does not.
memfd f 2p sealing
seals f => none
mmap p 2p rw- shared file=f
seal f write => EBUSY
seals f => none
seal f shrink
seals f => shrink
munmap p 2p
mmap q 2p r-- private file=f
seal f write
seals f => write shrink
munmap q 2p
