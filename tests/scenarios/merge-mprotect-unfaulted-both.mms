# Port of merge.c, mprotect_unfaulted_both: nine pages, the first and
# last three made read-only, the middle three faulted; making the middle
# read-only merges all three into one VMA (both neighbours unfaulted).
#
#      RO          RW          RO                     RO
# |-----------|-----------|-----------|     |-----------------------|
# | unfaulted |  faulted  | unfaulted | ->  |        faulted        |
# |-----------|-----------|-----------|     |-----------------------|
mmap c 30p --- private
mmap a 9p rw- private,fixed,noreserve at=c+2p
mprotect a 3p r--
mprotect a+6p 3p r--
write a+3p 0x78
mprotect a+3p 3p r--
maps =>
| 100000000000-100000002000 ---p 00000000
| 100000002000-10000000b000 r--p 00000000
| 10000000b000-10000001e000 ---p 00000000
read a+3p => 0x78
