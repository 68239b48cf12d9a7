# Port of tools/testing/selftests/mm/mseal_test.c, test_seal_mprotect_two_vma_with_gap().
# mprotect and mseal over a gap fail; the pages either side stay unsealed.
# not sealed
mmap p 4p r-- private at=0x100000000000
mprotect p 1p rw-
mprotect p+3p 1p rw-
munmap p+1p 2p
mprotect p 4p r-- => ENOMEM
mseal p 4p => ENOMEM
mprotect p 1p r--
mprotect p+3p 1p r--
munmap 0x100000000000 64g
# sealed
mmap p 4p r-- private at=0x100000000000
mprotect p 1p rw-
mprotect p+3p 1p rw-
munmap p+1p 2p
mprotect p 4p r-- => ENOMEM
mseal p 4p => ENOMEM
mprotect p 1p r--
mprotect p+3p 1p r--
