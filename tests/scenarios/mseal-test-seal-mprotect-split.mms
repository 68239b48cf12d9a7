# Port of tools/testing/selftests/mm/mseal_test.c, test_seal_mprotect_split().
# A seal over a split mapping refuses mprotect of both parts.
# not sealed
mmap p 4p r-- private at=0x100000000000
mprotect p 1p rw-
mprotect p 2p r--
mprotect p+2p 2p r--
munmap 0x100000000000 64g
# sealed
mmap p 4p r-- private at=0x100000000000
mprotect p 1p rw-
mseal p 4p
mprotect p 2p r-- => EPERM
mprotect p+2p 2p r-- => EPERM
