# mmap(2) without MAP_FIXED takes its address as a hint: where the range
# is free and in user space the mapping goes there; where it would
# overlap a mapping (even by a page) the kernel picks a range itself
# (x86-64 arch_get_unmapped_area_topdown()). A hint below
# mmap_min_addr is raised to it (round_hint_to_min(); 65536 with an LSM
# built in), so it is not taken as given; a MAP_FIXED mapping there
# needs CAP_SYS_RAWIO, which root has.
mmap_hint 0x40000000 2p rw- private => hint
mmap_hint 0x40000000 2p rw- private => low
mmap_hint 0x40001000 1p rw- private,noreplace => EEXIST
mmap_hint 0x3ffff000 2p rw- private => low
mmap_hint 0x3ffff000 1p rw- private => hint
mmap_hint 0x1000 1p rw- private => low
mmap_hint 0x1000 1p rw- private,fixed unmap => hint
maps =>
| 3ffff000-40002000 rw-p 00000000
