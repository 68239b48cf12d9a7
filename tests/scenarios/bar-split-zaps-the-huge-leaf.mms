# Rule (mm/huge_memory.c __split_huge_pmd on a special VMA; vma_adjust_trans_huge):
# splitting the VMA inside a special PMD leaf (here by mprotect of one page)
# clears the leaf; later accesses refault at PTE size in each part.
require model
open b bar
mmap r 2m rw- shared file=b
write r 0x22
mprotect r+1p 1p r--
entry r =>
| pgd present rw user accessed dirty pfn=table
| pud present rw user accessed dirty pfn=table
| pmd none
read r => 0x22
write r+1p 1 => SIGSEGV
read r+1p => 0x00
munmap r+4p 1p
read r+3p => 0x00
