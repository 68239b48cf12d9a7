# Port of merge.c, mprotect_unfaulted_right: the mirror image - the last
# five of ten pages made read-only, the first page faulted, then the
# faulted left half made read-only merges with the unfaulted right.
#
#      RW          RO                         RO
# |-----------|-----------|     |-----------------------|
# |  faulted  | unfaulted | ->  |        faulted        |
# |-----------|-----------|     |-----------------------|
mmap c 30p --- private
mmap a 10p rw- private,fixed,noreserve at=c+1p
mprotect a+5p 5p r--
write a 0x78
mprotect a 5p r--
maps =>
| 100000000000-100000001000 ---p 00000000
| 100000001000-10000000b000 r--p 00000000
| 10000000b000-10000001e000 ---p 00000000
read a => 0x78
