# Port of tools/testing/selftests/mm/mseal_test.c, test_seal_mprotect().
# mprotect of a sealed mapping is EPERM.
# not sealed
mmap p 4p r-- private at=0x100000000000
mprotect p 4p rw-
munmap 0x100000000000 64g
# sealed
mmap p 4p r-- private at=0x100000000000
mseal p 4p
mprotect p 4p rw- => EPERM
