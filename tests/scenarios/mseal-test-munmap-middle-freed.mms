# Port of tools/testing/selftests/mm/mseal_test.c, test_munmap_middle_freed().
# munmap across a hole and sealed pages is EPERM and unmaps nothing.
# not sealed
mmap p 4p r-- private at=0x100000000000
munmap p+1p 2p
munmap p 4p
maps =>
munmap 0x100000000000 64g
# sealed
mmap p 4p r-- private at=0x100000000000
munmap p+1p 2p
mseal p 1p
mseal p+3p 1p
munmap p 4p => EPERM
maps =>
| 100000000000-100000001000 r--p 00000000
| 100000003000-100000004000 r--p 00000000
