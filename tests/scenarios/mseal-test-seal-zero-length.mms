# Port of tools/testing/selftests/mm/mseal_test.c, test_seal_zero_length().
# mseal of length 0 succeeds and seals nothing.
mmap p 4p r-- private at=0x100000000000
mprotect p 0 rw-
mseal p 0
mprotect p 4p rw-
