# Port of tools/testing/selftests/mm/mseal_test.c, test_seal_mprotect_unalign_len().
# A length of 2 pages less 1 byte seals 2 pages.
# not sealed
mmap p 4p r-- private at=0x100000000000
mprotect p 2p rw-
mprotect p+2p 1p rw-
munmap 0x100000000000 64g
# sealed
mmap p 4p r-- private at=0x100000000000
mseal p 8191
mprotect p 2p rw- => EPERM
mprotect p+2p 1p rw-
