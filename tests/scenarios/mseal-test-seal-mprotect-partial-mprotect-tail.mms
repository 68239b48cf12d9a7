# Port of tools/testing/selftests/mm/mseal_test.c, test_seal_mprotect_partial_mprotect_tail().
# mprotect may change the first VMA but never the sealed second one.
# not sealed
mmap p 2p r-- private at=0x100000000000
mprotect p 2p --x
munmap 0x100000000000 64g
# sealed
mmap p 2p r-- private at=0x100000000000
mseal p+1p 1p
mprotect p 2p --x => EPERM
maps =>
| 100000000000-100000001000 --xp 00000000
| 100000001000-100000002000 r--p 00000000
