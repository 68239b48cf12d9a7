require model
# Without CONFIG_MEM_SOFT_DIRTY (the model's default profile) clear_refs 4
# changes nothing: the entry stays writable and pagemap has no bit 55.
mmap a 1p rw- private
write a 0x01
clear_refs 4
pagemap a => present excl
entry a =>
| pgd present rw user accessed dirty pfn=table
| pud present rw user accessed dirty pfn=table
| pmd present rw user accessed dirty pfn=table
| pte present rw user accessed dirty nx pfn=ram
