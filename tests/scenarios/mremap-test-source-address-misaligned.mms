# Port of mremap_test.c, remap case 2, "mremap - Source Address Misaligned
# (1KB-aligned)": the test cannot even map its source at a 1 KiB-aligned
# address (MAP_FIXED_NOREPLACE there is EINVAL), so the remap never
# happens; an mremap of a source that is not page aligned is EINVAL too.
mmap s 1p rw- private,noreplace at=0x100000000400 => EINVAL
mmap t 1p rw- private at=0x100000000000
mremap 0x100000000400 1p 1p maymove to=0x100100000000 => EINVAL
maps =>
| 100000000000-100000001000 rw-p 00000000
