# Port of mremap_dontunmap.c, mremap_dontunmap_simple_shmem(): on shared
# memory the source still sees the data (its pages are in the shmem file).
mmap s 5p rw- shared
write s 0x61 5p
mremap s 5p 5p maymove dontunmap to=0x100100000000 as=d
pagemap s => none
read d 5p => 0x61
read s 5p => 0x61
