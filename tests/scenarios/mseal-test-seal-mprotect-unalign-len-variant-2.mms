# Port of tools/testing/selftests/mm/mseal_test.c, test_seal_mprotect_unalign_len_variant_2().
# A length of 2 pages and 1 byte seals 3 pages.
# not sealed
mmap p 4p r-- private at=0x100000000000
mprotect p 3p rw-
mprotect p+3p 1p rw-
munmap 0x100000000000 64g
# sealed
mmap p 4p r-- private at=0x100000000000
mseal p 8193
mprotect p 3p rw- => EPERM
mprotect p+3p 1p rw-
