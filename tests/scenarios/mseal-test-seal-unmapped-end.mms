# Port of tools/testing/selftests/mm/mseal_test.c, test_seal_unmapped_end().
# Unmapped last pages make the range ENOMEM; the first pages seal.
mmap p 4p r-- private at=0x100000000000
munmap p+2p 2p
mseal p 4p => ENOMEM
mseal p 2p
mprotect p 2p rw- => EPERM
