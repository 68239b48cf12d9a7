# change_protection()'s write upgrade: mprotect rw- on a private mapping
# makes the entries of exclusive anonymous pages writable at once (no
# write fault needed), but not those of pages still shared with a child.
require model
mmap a 2p rw- private
write a 0x01 2p
mprotect a 2p r--
entry a =>
| pgd present rw user accessed dirty pfn=table
| pud present rw user accessed dirty pfn=table
| pmd present rw user accessed dirty pfn=table
| pte present user accessed dirty nx pfn=ram
mprotect a 2p rw-
entry a =>
| pgd present rw user accessed dirty pfn=table
| pud present rw user accessed dirty pfn=table
| pmd present rw user accessed dirty pfn=table
| pte present rw user accessed dirty nx pfn=ram
# shared with a child after fork: the entry stays read-only (COW pending)
fork child
mprotect a 2p r--
mprotect a 2p rw-
entry a+1p =>
| pgd present rw user accessed dirty pfn=table
| pud present rw user accessed dirty pfn=table
| pmd present rw user accessed dirty pfn=table
| pte present user accessed dirty nx pfn=ram
write a+1p 0x02
@child read a+1p => 0x01
