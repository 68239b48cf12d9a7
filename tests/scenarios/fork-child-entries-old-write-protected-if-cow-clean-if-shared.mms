# Rule (mm/memory.c __copy_present_ptes): the child's copy of an entry is
# old; in a COW mapping the parent's and the child's are both write-
# protected and the child keeps the dirty bit; in a shared mapping (here a
# PFN map, the shared kind fork copies) the child's stays writable but is
# clean, and the parent's is left as it was.  Model-only: `entry` reads
# the model's page tables.
require model
mmap p 2p rw- private
write p 1
write p+1p 2
open k fbdefio pages=2 kmemfb=on
mmap a 2p rw- shared file=k
write a 0x11
fork child
entry p =>
| pgd present rw user accessed dirty pfn=table
| pud present rw user accessed dirty pfn=table
| pmd present rw user accessed dirty pfn=table
| pte present user accessed dirty nx pfn=ram
@child entry p+1p =>
| pgd present rw user accessed dirty pfn=table
| pud present rw user accessed dirty pfn=table
| pmd present rw user accessed dirty pfn=table
| pte present user dirty nx pfn=ram
counts p => refcount 2 mapcount 2 pincount 0 anon
entry a =>
| pgd present rw user accessed dirty pfn=table
| pud present rw user accessed dirty pfn=table
| pmd present rw user accessed dirty pfn=table
| pte present rw user accessed dirty special nx pfn=ram
@child entry a =>
| pgd present rw user accessed dirty pfn=table
| pud present rw user accessed dirty pfn=table
| pmd present rw user accessed dirty pfn=table
| pte present rw user special nx pfn=ram
