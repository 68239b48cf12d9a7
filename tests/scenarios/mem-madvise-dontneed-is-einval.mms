# Rule (mm/madvise.c madvise_dontneed_free_valid_vma -> can_madv_lru_vma):
# MADV_DONTNEED on a VM_PFNMAP VMA is EINVAL; WILLNEED is accepted.
require model
open m mem
mmap s 4p rw- shared file=m
madvise s 1p dontneed => EINVAL
madvise s 1p willneed
