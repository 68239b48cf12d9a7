# Port of tools/testing/selftests/mm/mseal_test.c, test_seal_munmap_partial_across_vmas().
# munmap across an unsealed and a sealed VMA unmaps nothing.
# not sealed
mmap p 2p r-- private at=0x100000000000
munmap p 2p
munmap 0x100000000000 64g
# sealed
mmap p 2p r-- private at=0x100000000000
mseal p+1p 1p
munmap p 2p => EPERM
maps =>
| 100000000000-100000001000 r--p 00000000
| 100000001000-100000002000 r--p 00000000
