# Port of tools/testing/selftests/mm/mseal_test.c, test_seal_madvise_nodiscard().
# MADV_RANDOM does not discard: allowed on a sealed mapping.
# not sealed
mmap p 4p r-- private at=0x100000000000
madvise p 4p random
munmap p 4p
munmap 0x100000000000 64g
# sealed
mmap p 4p r-- private at=0x100000000000
mseal p 4p
madvise p 4p random
munmap p 4p => EPERM
