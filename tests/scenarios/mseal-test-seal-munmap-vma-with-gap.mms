# Port of tools/testing/selftests/mm/mseal_test.c, test_seal_munmap_vma_with_gap().
# A seal over a hole fails; the pieces unmap.
# not sealed
mmap p 4p r-- private at=0x100000000000
munmap p+1p 2p
munmap p 1p
munmap p+2p 1p
munmap p 4p
munmap 0x100000000000 64g
# sealed
mmap p 4p r-- private at=0x100000000000
munmap p+1p 2p
mseal p 4p => ENOMEM
munmap p 1p
munmap p+2p 1p
munmap p 4p
