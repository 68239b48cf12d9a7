# Port of tools/testing/selftests/mm/mseal_test.c, test_seal_unmapped_start().
# A range whose first pages are unmapped is ENOMEM; the mapped part seals.
mmap p 4p r-- private at=0x100000000000
munmap p 2p
mseal p 4p => ENOMEM
mprotect p+2p 2p rw-
mseal p+2p 2p
mprotect p+2p 2p r-- => EPERM
