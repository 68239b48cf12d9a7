# Port of tools/testing/selftests/mm/mseal_test.c, test_seal_mremap_move_dontunmap_anyaddr().
# MREMAP_DONTUNMAP to an address that was just freed lands there (the test
# passes it as a hint without MREMAP_FIXED; the language always says
# MREMAP_FIXED with to=, and the address is free, so the result is the
# same); a sealed mapping is EPERM and stays as it was.
# not sealed
mmap p 4p r-- private at=0x100000000000
mmap n 4p r-- private at=0x100100000000
munmap n 4p
mremap p 4p 4p maymove dontunmap to=n
maps =>
| 100000000000-100000004000 r--p 00000000
| 100100000000-100100004000 r--p 00000000
munmap 0x100000000000 64g
# sealed
mmap p 4p r-- private at=0x100000000000
mmap n 4p r-- private at=0x100100000000
munmap n 4p
mseal p 4p
mremap p 4p 4p maymove dontunmap to=n => EPERM
maps =>
| 100000000000-100000004000 r--p 00000000
