# Rule (mm/gup.c check_vma_flags): the perf ring buffer is a VM_PFNMAP|VM_IO
# mapping (perf_mmap -> map_range, remap_pfn_range); GUP refuses such VMAs,
# so a long-term pin fails with EFAULT.
# Design variant: design=mixedmap (vm_insert_pages() from the mmap_prepare
# action, page 0 mapped writable at once); user space must see the
# same, so this runs under diff against the host too.
design perf=mixedmap               # model-only: the host runs its own (pfnmap)
open p perf
mmap r 3p rw- shared file=p
pin P r 1p => EFAULT
