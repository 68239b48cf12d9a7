# Port of mremap_dontunmap.c, mremap_dontunmap_partial_mapping_overwrite():
# a move onto the start of a larger mapping replaces only that part.
mmap s 5p rw- private
write s 0x61 5p
mmap d 10p rw- private
write d 0x62 10p
mremap s 5p 5p maymove dontunmap to=d
read d 5p => 0x61
read d+5p 5p => 0x62
read s 5p => 0x00
