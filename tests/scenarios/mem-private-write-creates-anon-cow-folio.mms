# Rule (mm/memory.c do_wp_page -> wp_page_copy; vm_normal_page): /dev/mem
# mapped MAP_PRIVATE is a COW PFN map (remap_pfn_range sets VM_IO|VM_PFNMAP).
# Its entries are special and have no struct page; a write copies the frame
# into an anonymous folio, whose entry is not special, so vm_normal_page()
# returns it even though the VMA is VM_PFNMAP.
require model
open m mem
mmap d 4p rw- private file=m
read d => 0x00
normal_page d => none
entry d =>
| pgd present rw user accessed dirty pfn=table
| pud present rw user accessed dirty pfn=table
| pmd present rw user accessed dirty pfn=table
| pte present user accessed special nx pfn=io
write d+1p 0x5a
read d+1p => 0x5a
normal_page d+1p => anon
counts d+1p => refcount 1 mapcount 1 pincount 0 anon exclusive
smaps d VmFlags => rd wr mr mw me pf io de ac dd
fork c
@c read d+1p => 0x5a
counts d+1p => refcount 2 mapcount 2 pincount 0 anon
