require model
# What the model's introspection commands see of a PMD-mapped THP and of
# the huge zero PMD: the PMD leaf (pse), vm_normal_page_pmd() (anon; none
# for the huge zero PMD, which 6.18 marks special), folio_walk_start() at
# PMD level with the exact page, the folio's counts (one reference and
# one mapping for the PMD; the entire mapcount; the head's exclusivity
# covers every page), and move_pages() status.
profile thp=madvise thp_2048k=always
mmap a 4m rw- private
madvise a 4m hugepage
write a 1
read a+2m
entry a+5p =>
| pgd present rw user accessed dirty pfn=table
| pud present rw user accessed dirty pfn=table
| pmd present rw user accessed dirty pse nx pfn=ram
entry a+2m =>
| pgd present rw user accessed dirty pfn=table
| pud present rw user accessed dirty pfn=table
| pmd present user accessed pse special nx pfn=zero
normal_page a+5p => anon
normal_page a+2m => none
folio_walk a+5p => anon pmd
folio_walk a+2m => zero pmd
page_status a+5p => node 0
page_status a+2m => EFAULT
counts a => refcount 1 mapcount 1 pincount 0 order 9 large 1 entire 1 anon exclusive
counts a+5p => refcount 1 mapcount 1 pincount 0 order 9 large 1 entire 1 anon
fork c
counts a+5p => refcount 2 mapcount 2 pincount 0 order 9 large 2 entire 2 anon maybe-shared
@c write a+5p 2
counts a+5p => refcount 512 mapcount 1 pincount 0 order 9 large 512 entire 1 anon maybe-shared
@c counts a+6p => refcount 512 mapcount 2 pincount 0 order 9 large 512 entire 1 anon maybe-shared
@c counts a+5p => refcount 1 mapcount 1 pincount 0 anon exclusive
