# Port of tools/testing/selftests/mm/mseal_test.c, test_seal_mremap_shrink().
# Shrinking a sealed mapping is EPERM.
# not sealed
mmap p 4p r-- private at=0x100000000000
mremap p 4p 2p
munmap 0x100000000000 64g
# sealed
mmap p 4p r-- private at=0x100000000000
mseal p 4p
mremap p 4p 2p => EPERM
