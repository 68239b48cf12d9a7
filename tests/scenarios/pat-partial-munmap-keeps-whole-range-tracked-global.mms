# Design pat=global (seed 004: no pointer in the VMA, a global table): the same steps as pat-partial-munmap-keeps-whole-range-tracked.mms.
# Rule (mm/vma_init.c vm_area_dup / vm_area_free, Linux 6.18): splitting a
# tracked VMA shares its pfnmap_track_ctx by kref; the whole original PFN
# range stays reserved until the last VMA using it goes, even after a
# partial munmap or an mremap of a part.
require model
design pat=global
open m mem
mmap s 4p rw- shared file=m
munmap s+1p 2p
memtype_list => [mem 0x00000000-0x00004000] wb
mremap s+3p 1p 1p maymove to=0x100000100000 as=t
munmap s 1p
memtype_list => [mem 0x00000000-0x00004000] wb
munmap t 1p
memtype_list => none
