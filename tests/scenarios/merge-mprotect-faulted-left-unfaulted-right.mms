# Port of merge.c, mprotect_faulted_left_unfaulted_right: nine pages, the
# last three read-only; a fault in the first page, then the first three
# made read-only (a faulted split-off); making the middle three
# read-only merges all three VMAs into one.
#
#      RO          RW          RO                     RO
# |-----------|-----------|-----------|     |-----------------------|
# |  faulted  |  faulted  | unfaulted | ->  |        faulted        |
# |-----------|-----------|-----------|     |-----------------------|
mmap c 30p --- private
mmap a 9p rw- private,fixed,noreserve at=c+2p
mprotect a+6p 3p r--
write a 0x78
mprotect a 3p r--
mprotect a+3p 3p r--
maps =>
| 100000000000-100000002000 ---p 00000000
| 100000002000-10000000b000 r--p 00000000
| 10000000b000-10000001e000 ---p 00000000
