# Port of tools/testing/selftests/mm/mseal_test.c, test_munmap_start_freed().
# munmap from an already-unmapped first page over sealed pages is EPERM.
# not sealed
mmap p 4p r-- private at=0x100000000000
munmap p 1p
munmap p 4p
maps =>
munmap 0x100000000000 64g
# sealed
mmap p 4p r-- private at=0x100000000000
munmap p 1p
mseal p+1p 3p
munmap p 4p => EPERM
maps =>
| 100000001000-100000004000 r--p 00000000
