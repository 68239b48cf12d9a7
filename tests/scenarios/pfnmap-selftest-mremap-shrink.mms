# Port of pfnmap.c "mremap_shrink": shrinking a /dev/mem mapping works.
require model
open m mem
mmap a 2p r-- shared file=m
mremap a 2p 1p
read a => 0x00
read a+1p => SIGSEGV
