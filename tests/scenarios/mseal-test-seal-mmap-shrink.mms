# Port of tools/testing/selftests/mm/mseal_test.c, test_seal_mmap_shrink().
# mmap MAP_FIXED over part of a sealed mapping is EPERM.
# not sealed
mmap p 12p r-- private at=0x100000000000
mmap q 8p rw- private,fixed at=p
munmap 0x100000000000 64g
# sealed
mmap p 12p r-- private at=0x100000000000
mseal p 12p
mmap q 8p rw- private,fixed at=p => EPERM
