# Port of tools/testing/selftests/mm/mseal_test.c, test_seal_mremap_expand().
# Growing a sealed mapping in place is EPERM.
# not sealed
mmap p 4p r-- private at=0x100000000000
munmap p+2p 2p
mremap p 2p 4p
munmap 0x100000000000 64g
# sealed
mmap p 4p r-- private at=0x100000000000
munmap p+2p 2p
mseal p 2p
mremap p 2p 4p => EPERM
