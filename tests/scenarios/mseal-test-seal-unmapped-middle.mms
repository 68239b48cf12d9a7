# Port of tools/testing/selftests/mm/mseal_test.c, test_seal_unmapped_middle().
# A hole in the middle is ENOMEM; each side can be sealed alone.
mmap p 4p r-- private at=0x100000000000
munmap p+1p 2p
mseal p 4p => ENOMEM
mseal p 1p
mseal p+3p 1p
mprotect p 1p rw- => EPERM
mprotect p+3p 1p rw- => EPERM
