# Port of tools/testing/selftests/mm/mseal_test.c, test_seal_mprotect_partial_mprotect().
# mprotect over a sealed first page and one more is EPERM.
# not sealed
mmap p 4p r-- private at=0x100000000000
mprotect p 2p rw-
munmap 0x100000000000 64g
# sealed
mmap p 4p r-- private at=0x100000000000
mseal p 1p
mprotect p 2p rw- => EPERM
