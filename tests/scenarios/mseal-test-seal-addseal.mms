# Port of tools/testing/selftests/mm/mseal_test.c, test_seal_addseal().
# mseal of a whole mapping succeeds.
mmap p 4p r-- private at=0x100000000000
mseal p 4p
