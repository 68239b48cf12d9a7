# The model's introspection: a zero-page read is a special entry with no
# struct page behind it (vm_normal_page says none); a write replaces it with
# an exclusive anonymous page; without the zero page, a read gets its own page.
require model
mmap a 2p rw- private
read a => 0x00
normal_page a => none
entry a =>
| pgd present rw user accessed dirty pfn=table
| pud present rw user accessed dirty pfn=table
| pmd present rw user accessed dirty pfn=table
| pte present user accessed special nx pfn=zero
write a 1
normal_page a => anon
counts a => refcount 1 mapcount 1 pincount 0 anon exclusive
profile zero_page=off
read a+1p => 0x00
normal_page a+1p => anon
