# Port of tools/testing/selftests/mm/mseal_test.c, test_seal_munmap_two_vma().
# munmap of either sealed VMA, or across them, is EPERM.
# not sealed
mmap p 4p r-- private at=0x100000000000
mprotect p 2p rw-
munmap p 2p
munmap p+1p 2p
munmap 0x100000000000 64g
# sealed
mmap p 4p r-- private at=0x100000000000
mprotect p 2p rw-
mseal p 4p
munmap p 2p => EPERM
munmap p+1p 2p => EPERM
