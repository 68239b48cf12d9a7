# Design pat=global (seed 004: no pointer in the VMA, a global table): the same steps as pat-fork-shares-the-tracking.mms.
# Rule (kernel/fork.c dup_mmap -> vm_area_dup): the child's copy of a
# tracked VMA takes a reference on the same pfnmap_track_ctx; the
# reservation lives until the last of parent and child unmaps it.
require model
design pat=global
open m mem cache=uc
mmap s 2p rw- shared file=m off=2p
fork c
memtype_list => [mem 0x00002000-0x00004000] uc
munmap s 2p
memtype_list => [mem 0x00002000-0x00004000] uc
@c entry s =>
| pgd present rw user accessed dirty pfn=table
| pud present rw user accessed dirty pfn=table
| pmd present rw user accessed dirty pfn=table
| pte present rw user pwt pcd special nx pfn=io
@c exit
memtype_list => none
