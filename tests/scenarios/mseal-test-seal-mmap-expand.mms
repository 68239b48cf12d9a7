# Port of tools/testing/selftests/mm/mseal_test.c, test_seal_mmap_expand().
# mmap MAP_FIXED over a sealed mapping and beyond is EPERM.
# not sealed
mmap p 12p r-- private at=0x100000000000
munmap p+8p 4p
mmap q 12p rw- private,fixed at=p
munmap 0x100000000000 64g
# sealed
mmap p 12p r-- private at=0x100000000000
munmap p+8p 4p
mseal p 8p
mmap q 12p rw- private,fixed at=p => EPERM
