# Port of tools/testing/selftests/mm/mseal_test.c, test_munmap_end_freed().
# munmap over sealed pages and an unmapped last page is EPERM.
# not sealed
mmap p 4p r-- private at=0x100000000000
munmap p+3p 1p
munmap p 4p
munmap 0x100000000000 64g
# sealed
mmap p 4p r-- private at=0x100000000000
munmap p+3p 1p
mseal p 3p
munmap p 4p => EPERM
