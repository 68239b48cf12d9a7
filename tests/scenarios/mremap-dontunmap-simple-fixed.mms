# Port of mremap_dontunmap.c, mremap_dontunmap_simple_fixed(): onto an
# existing mapping (MREMAP_FIXED replaces it).
mmap s 5p rw- private
write s 0x61 5p
mmap d 5p rw- private
write d 0x62 5p
mremap s 5p 5p maymove dontunmap to=d
read d 5p => 0x61
read s 5p => 0x00
