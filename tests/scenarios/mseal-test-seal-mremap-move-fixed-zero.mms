# Port of tools/testing/selftests/mm/mseal_test.c, test_seal_mremap_move_fixed_zero().
# MREMAP_FIXED may move (and here shrink) a mapping to address 0 - as root,
# CAP_SYS_RAWIO passes vm.mmap_min_addr - unless the mapping is sealed:
# then EPERM, and it stays as it was (4 pages, read-only).
# not sealed
mmap p 4p r-- private at=0x100000000000
mremap p 4p 2p maymove to=0
smaps 0 Size => 8 kB
munmap 0 2p
maps =>
# sealed
mmap p 4p r-- private at=0x100000000000
mseal p 4p
mremap p 4p 2p maymove to=0 => EPERM
maps =>
| 100000000000-100000004000 r--p 00000000
