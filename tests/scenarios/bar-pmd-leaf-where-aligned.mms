# Rule (mm/huge_memory.c vmf_insert_pfn_pmd; vfio-pci huge_fault): a BAR
# mapped from ->huge_fault gets a special PMD leaf where address and PFN are
# 2 MiB aligned and the leaf fits the VMA, PTEs elsewhere; vm_normal_page_pmd()
# and folio_walk_start() see no page, GUP refuses the VM_IO|VM_PFNMAP VMA.
require model
open b bar size=4m
mmap r 3m rw- shared file=b
write r+5 0x11
read r+5 => 0x11
entry r =>
| pgd present rw user accessed dirty pfn=table
| pud present rw user accessed dirty pfn=table
| pmd present rw user pcd accessed dirty pse special nx pfn=io
normal_page r => none
folio_walk r => none
page_status r => ENOENT
read r+2m => 0x00
entry r+2m =>
| pgd present rw user accessed dirty pfn=table
| pud present rw user accessed dirty pfn=table
| pmd present rw user accessed dirty pfn=table
| pte present rw user pcd accessed special nx pfn=io
pin P r 1p => EFAULT
smaps r VmFlags => rd wr sh mr mw me ms pf io de dd
