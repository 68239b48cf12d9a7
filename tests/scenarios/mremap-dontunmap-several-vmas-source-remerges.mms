# Rule (mm/mremap.c remap_move, Linux 6.17+): a fixed, same-size mremap
# moves every VMA of the range; with MREMAP_DONTUNMAP each source part
# stays mapped, emptied, and merges back with what follows it.  The move
# must go on from where it left off, not start over at the merged VMA
# (the model once did, moving the same pages again and again, 7 pages
# lower each time, until the map count ran out).  Found by the fuzzer;
# verified on the Linux 6.18 host.
mmap s 12p rw- private
write s 0x61 12p
mprotect s+1p 1p r--
mmap d 10p rw- private
write d 0x62 10p
mremap s 5p 5p maymove dontunmap to=d
maps =>
| 100000000000-100000001000 rw-p 00000000
| 100000001000-100000002000 r--p 00000000
| 100000002000-10000000c000 rw-p 00000000
| 100040000000-100040001000 rw-p 00000000
| 100040001000-100040002000 r--p 00000000
| 100040002000-100040005000 rw-p 00000000
| 100040005000-10004000a000 rw-p 00000000
read d 5p => 0x61
read d+5p 5p => 0x62
read s 5p => 0x00
read s+5p 7p => 0x61
