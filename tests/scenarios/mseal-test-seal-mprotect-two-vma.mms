# Port of tools/testing/selftests/mm/mseal_test.c, test_seal_mprotect_two_vma().
# A seal over two VMAs refuses mprotect of either.
# not sealed
mmap p 4p r-- private at=0x100000000000
mprotect p 2p rw-
mprotect p 2p rw-
mprotect p+2p 2p rw-
munmap 0x100000000000 64g
# sealed
mmap p 4p r-- private at=0x100000000000
mprotect p 2p rw-
mseal p 4p
mprotect p 2p rw- => EPERM
mprotect p+2p 2p rw- => EPERM
