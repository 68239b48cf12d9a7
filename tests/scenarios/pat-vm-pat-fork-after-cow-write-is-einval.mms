# Rule (Linux 3.7-6.15, memtype.c get_pat_info): fork reads the cache
# mode back from the first entry of a VM_PAT VMA; once a write copied the
# first page of a MAP_PRIVATE /dev/mem mapping that entry is an anonymous
# page, nothing says the mode, and fork fails (EINVAL).  6.16+ keeps the
# context and forks.  Model
# only (the host runs 6.18).
require model
design kernel=6.15
open m mem
mmap p 2p rw- private file=m
write p+1p 0x22
fork a
@a exit
write p 0x11
fork b => EINVAL
munmap p 2p
memtype_list => none
