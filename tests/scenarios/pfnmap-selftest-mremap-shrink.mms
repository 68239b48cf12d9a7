# Port of pfnmap.c "mremap_shrink": shrinking a /dev/mem mapping works.
open m mem
mmap a 2p r-- shared file=m
mremap a 2p 1p
touch a 1p r
touch a+1p 1p r => SIGSEGV
