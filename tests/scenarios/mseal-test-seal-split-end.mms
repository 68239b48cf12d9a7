# Port of tools/testing/selftests/mm/mseal_test.c, test_seal_split_end().
# Sealing the head splits the VMA; the tail stays changeable.
mmap p 4p r-- private at=0x100000000000
mseal p 3p
mprotect p+3p 1p rw-
mprotect p 3p rw- => EPERM
