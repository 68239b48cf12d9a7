# Port of pfnmap.c "mremap_fixed": a /dev/mem mapping moved over a
# reserved anonymous destination replaces it.
open m mem
mmap a 2p r-- shared file=m
mmap dst 2p r-- private
mremap a 2p 2p maymove to=dst as=b
touch b 2p r
maps =>
| 100040000000-100040002000 r--s 00000000 /dev/mem
