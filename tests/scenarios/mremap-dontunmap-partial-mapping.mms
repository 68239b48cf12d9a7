# Port of mremap_dontunmap.c, mremap_dontunmap_partial_mapping(): moving
# the last half of a mapping leaves the first half as it was; the source
# VMA stays whole (it is not split: DONTUNMAP only empties the range).
mmap s 10p rw- private
write s 0x61 10p
mremap s+5p 5p 5p maymove dontunmap to=0x100100000000 as=d
read d 5p => 0x61
read s 5p => 0x61
read s+5p 5p => 0x00
maps =>
| 100000000000-10000000a000 rw-p 00000000
| 100100000000-100100005000 rw-p 00000000
