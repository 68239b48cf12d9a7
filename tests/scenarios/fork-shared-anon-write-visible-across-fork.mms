# Rule (mm/shmem.c shmem_zero_setup): a MAP_SHARED|MAP_ANONYMOUS mapping is
# backed by a shmem object; fork() shares it, so writes from either side are
# visible to the other and both map the same frame (no COW). fork() does not
# copy the page tables of such a VMA (vma_needs_copy): the child faults the
# page in from the shmem object on first access.
mmap s 1p rw- shared
write s 0x11 1p
fork child
frame s @child s => absent
@child read s => 0x11
frame s @child s => same
@child write s 0x22
read s => 0x22
write s+1 0x33
@child read s+1 => 0x33
frame s @child s => same
maps =>
| 100000000000-100000001000 rw-s 00000000 /dev/zero (deleted)
