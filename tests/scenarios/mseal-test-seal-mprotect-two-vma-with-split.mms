# Port of tools/testing/selftests/mm/mseal_test.c, test_seal_mprotect_two_vma_with_split().
# Sealing the middle of two VMAs splits both.
# not sealed
mmap p 4p r-- private at=0x100000000000
mprotect p 2p rw-
mprotect p 1p rw-
mprotect p+1p 1p rw-
mprotect p+2p 1p rw-
mprotect p+3p 1p rw-
munmap 0x100000000000 64g
# sealed
mmap p 4p r-- private at=0x100000000000
mprotect p 2p rw-
mseal p+1p 2p
mprotect p 1p rw-
mprotect p+1p 1p rw- => EPERM
mprotect p+2p 1p rw- => EPERM
mprotect p+3p 1p rw-
