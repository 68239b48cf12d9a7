# Port of pfnmap.c "mremap_fixed": a /dev/mem mapping moved over a
# reserved anonymous destination replaces it.
require model
open m mem
mmap a 2p r-- shared file=m
mmap dst 2p r-- private
mremap a 2p 2p maymove to=dst as=b
read b 2p => 0x00
maps =>
| 100040000000-100040002000 r--s 00000000 /dev/mem
