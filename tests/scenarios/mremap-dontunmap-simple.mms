# Port of tools/testing/selftests/mm/mremap_dontunmap.c,
# mremap_dontunmap_simple() (and kernel_support_for_mremap_dontunmap()).
# The original lets the kernel pick the destination; a scenario must name
# it (to=).  The pages move; the source VMA stays, empty: it reads zero.
mmap s 5p rw- private
write s 0x61 5p
mremap s 5p 5p maymove dontunmap to=0x100100000000 as=d
read d 5p => 0x61
read s 5p => 0x00
maps =>
| 100000000000-100000005000 rw-p 00000000
| 100100000000-100100005000 rw-p 00000000
