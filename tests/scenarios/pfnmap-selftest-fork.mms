# Port of pfnmap.c "fork": a child can read a /dev/mem mapping it
# inherited (PFN maps are copied at fork, entries and all).
open m mem
mmap a 2p r-- shared file=m
touch a 2p r
fork child
@child touch a 1p r
@child touch a+1p 1p r
