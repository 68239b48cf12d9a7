# Rule (mm/gup.c check_vma_flags): the perf ring buffer is a VM_PFNMAP|VM_IO
# mapping (perf_mmap -> map_range, remap_pfn_range); GUP refuses such VMAs,
# so a long-term pin fails with EFAULT.
open p perf
mmap r 3p rw- shared file=p
pin P r 1p => EFAULT
