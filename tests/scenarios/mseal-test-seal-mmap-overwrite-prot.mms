# Port of tools/testing/selftests/mm/mseal_test.c, test_seal_mmap_overwrite_prot().
# mmap MAP_FIXED over a sealed mapping is EPERM.
# not sealed
mmap p 4p r-- private at=0x100000000000
mmap q 4p rw- private,fixed at=p
munmap 0x100000000000 64g
# sealed
mmap p 4p r-- private at=0x100000000000
mseal p 4p
mmap q 4p rw- private,fixed at=p => EPERM
