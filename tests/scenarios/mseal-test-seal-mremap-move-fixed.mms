# Port of tools/testing/selftests/mm/mseal_test.c, test_seal_mremap_move_fixed().
# Moving onto a sealed mapping is EPERM.
# not sealed
mmap p 4p r-- private at=0x100000000000
mmap n 4p r-- private at=0x100100000000
mremap p 4p 4p maymove to=n
munmap 0x100000000000 64g
# sealed
mmap p 4p r-- private at=0x100000000000
mmap n 4p r-- private at=0x100100000000
mseal n 4p
mremap p 4p 4p maymove to=n => EPERM
