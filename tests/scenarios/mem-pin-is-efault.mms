# Rule (mm/gup.c check_vma_flags): GUP refuses VM_IO|VM_PFNMAP VMAs, even where
# a MAP_PRIVATE PFN map holds an anonymous COW folio.
require model
open m mem
mmap d 2p rw- private file=m
write d 1
normal_page d => anon
pin P d 1p => EFAULT
pin P d+1p 1p ro => EFAULT
