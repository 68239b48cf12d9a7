# Port of tools/testing/selftests/mm/mseal_test.c, test_seal_twice().
# Sealing twice is idempotent.
mmap p 4p r-- private at=0x100000000000
mseal p 4p
mseal p 4p
