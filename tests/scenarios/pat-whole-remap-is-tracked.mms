# Rule (mm/memory.c remap_pfn_range, arch/x86/mm/pat/memtype.c pfnmap_track):
# a remap_pfn_range() covering the whole VMA reserves the PFN range's
# memtype (here WC, from `cache=wc`) and the entries carry that cache mode;
# the last unmap frees the reservation.
require model
design pat=vma-ctx
open m mem cache=wc
mmap s 4p rw- shared file=m off=1p
memtype_list => [mem 0x00001000-0x00005000] wc
entry s+3p =>
| pgd present rw user accessed dirty pfn=table
| pud present rw user accessed dirty pfn=table
| pmd present rw user accessed dirty pfn=table
| pte present rw user pwt accessed special nx pfn=io
design pat=global => EBUSY
munmap s 4p
memtype_list => none
