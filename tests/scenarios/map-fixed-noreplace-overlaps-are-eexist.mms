# Port of tools/testing/selftests/mm/map_fixed_noreplace.c (its one test).
# MAP_FIXED_NOREPLACE fails with EEXIST whenever the new range overlaps an
# existing mapping (same range, over its start, its end, inside it, around
# it) and succeeds right next to it, on either side.
mmap b 5p rw- private
munmap b 5p
mmap m 5p rw- private,noreplace at=b
munmap b 1p
munmap b+4p 1p
mmap x 3p rw- private,noreplace at=b+1p => EEXIST
mmap x 2p rw- private,noreplace at=b => EEXIST
mmap x 2p rw- private,noreplace at=b+3p => EEXIST
mmap x 1p rw- private,noreplace at=b+2p => EEXIST
mmap x 5p rw- private,noreplace at=b => EEXIST
mmap before 1p r-- private,noreplace at=b
mmap after 1p r-- private,noreplace at=b+4p
maps =>
| 100000000000-100000001000 r--p 00000000
| 100000001000-100000004000 rw-p 00000000
| 100000004000-100000005000 r--p 00000000
