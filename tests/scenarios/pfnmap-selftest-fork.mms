# Port of pfnmap.c "fork": a child can read a /dev/mem mapping it
# inherited (PFN maps are copied at fork, entries and all).
require model
open m mem
mmap a 2p r-- shared file=m
read a 2p => 0x00
fork child
@child read a => 0x00
@child read a+1p => 0x00
