# make fuzz (check fatal): mremap moving the last page of a VM_PAT VMA
# clears VM_PAT on all of it in Linux 3.7-6.15 (move_vma's
# untrack_pfn_clear), so the reservation of the pages left behind
# outlives every VMA: the kernel's own leak, which the model reproduces
# on purpose and the fuzzer must not abort on.
require model
design kernel=6.15
open m mem cache=uc
mmap s 4p rw- shared file=m
mremap s+3p 1p 1p maymove to=0x100000100000 as=t
munmap s 1p
munmap t 1p
