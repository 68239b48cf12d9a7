# Rule (seed 000; mm/vma.c __mmap_region: vma_set_page_prot runs after the
# driver's ->mmap): a driver that wants write-notify (->page_mkwrite) but
# inserts its pages inside ->mmap maps them with the protection from before
# write-notify was decided - writable - so no write ever reaches it. The
# mmap_prepare hook describes the pages instead; the core maps them once
# vm_page_prot is settled: read-only until the first write notifies.
require model
open k kbuf notify=on hook=mmap
mmap a 1p rw- shared file=k
entry a =>
| pgd present rw user accessed dirty pfn=table
| pud present rw user accessed dirty pfn=table
| pmd present rw user accessed dirty pfn=table
| pte present rw user accessed nx pfn=ram
open q kbuf hook=prepare
mmap b 1p rw- shared file=q
entry b =>
| pgd present rw user accessed dirty pfn=table
| pud present rw user accessed dirty pfn=table
| pmd present rw user accessed dirty pfn=table
| pte present user accessed nx pfn=ram
write b 1
entry b =>
| pgd present rw user accessed dirty pfn=table
| pud present rw user accessed dirty pfn=table
| pmd present rw user accessed dirty pfn=table
| pte present rw user accessed dirty nx pfn=ram
