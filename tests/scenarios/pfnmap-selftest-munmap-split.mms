# Port of pfnmap.c "munmap_split": unmap the first page of a two-page
# /dev/mem mapping, then map that page again elsewhere while the second
# is still mapped: PAT tracking must allow the same range twice.
open m mem
mmap a 2p r-- shared file=m
munmap a 1p
mmap b 1p r-- shared file=m
touch b 1p r
touch a+1p 1p r
