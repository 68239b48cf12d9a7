# Port of merge.c, mprotect_unfaulted_left: ten pages (MAP_NORESERVE, so
# VM_ACCOUNT cannot stand in the way) split by making the first five
# read-only; a fault gives the right half an anon_vma; making the right
# half read-only too merges it with the unfaulted left into one VMA.
#
#      RO          RW                         RO
# |-----------|-----------|     |-----------------------|
# | unfaulted |  faulted  | ->  |        faulted        |
# |-----------|-----------|     |-----------------------|
mmap c 30p --- private
mmap a 10p rw- private,fixed,noreserve at=c+1p
mprotect a 5p r--
write a+5p 0x78
mprotect a+5p 5p r--
maps =>
| 100000000000-100000001000 ---p 00000000
| 100000001000-10000000b000 r--p 00000000
| 10000000b000-10000001e000 ---p 00000000
read a+5p => 0x78
