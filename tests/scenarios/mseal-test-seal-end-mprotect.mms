# Port of tools/testing/selftests/mm/mseal_test.c, test_seal_end_mprotect().
# Only the sealed last three pages refuse mprotect.
# not sealed
mmap p 4p r-- private at=0x100000000000
mprotect p 1p rw-
mprotect p+1p 3p rw-
munmap 0x100000000000 64g
# sealed
mmap p 4p r-- private at=0x100000000000
mseal p+1p 3p
mprotect p 1p rw-
mprotect p+1p 3p rw- => EPERM
