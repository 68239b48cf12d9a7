# Port of pfnmap.c "mremap_expand": growing a PFN map is refused (EFAULT:
# VM_PFNMAP and VM_DONTEXPAND may not grow), even when it may move.
open m mem
mmap a 2p r-- shared file=m
mmap far 1p r-- private
munmap far 1p
mremap a 2p 3p maymove to=far => EFAULT
mremap a 2p 3p => EFAULT
touch a 2p r
