require model
# split_huge_page_test.c, split_pte_mapped_thp: four THPs; page i of THP i is
# moved by mremap into a four-page range p, where each is PTE-mapped and still
# part of its 2 MiB folio; debugfs split_huge_pages to order 0 over p splits
# all four folios: the moved pages keep their bytes and belong to no large
# folio any more. Model-only: the selftest tells THP pages by /proc/kpageflags
# (KPF_THP), which the language reads as `counts` (model-only) instead.
mmap a 8m rw- private
madvise a 8m hugepage
write a 0x10 2m
write a+2m 0x11 2m
write a+4m 0x12 2m
write a+6m 0x13 2m
smaps a AnonHugePages => 8192 kB
mmap p 4p --- private
mremap a+0p 1p 1p maymove to=p+0p
mremap a+513p 1p 1p maymove to=p+1p
mremap a+1026p 1p 1p maymove to=p+2p
mremap a+1539p 1p 1p maymove to=p+3p
counts p+0p => refcount 512 mapcount 1 pincount 0 order 9 large 512 entire 0 anon exclusive
counts p+1p => refcount 512 mapcount 1 pincount 0 order 9 large 512 entire 0 anon exclusive
counts p+2p => refcount 512 mapcount 1 pincount 0 order 9 large 512 entire 0 anon exclusive
counts p+3p => refcount 512 mapcount 1 pincount 0 order 9 large 512 entire 0 anon exclusive
split_huge_pages p 4p
read p+0p 1p => 0x10
counts p+0p => refcount 1 mapcount 1 pincount 0 anon exclusive
read p+1p 1p => 0x11
counts p+1p => refcount 1 mapcount 1 pincount 0 anon exclusive
read p+2p 1p => 0x12
counts p+2p => refcount 1 mapcount 1 pincount 0 anon exclusive
read p+3p 1p => 0x13
counts p+3p => refcount 1 mapcount 1 pincount 0 anon exclusive
# the pages left where they were are small folios too
counts a+1p => refcount 1 mapcount 1 pincount 0 anon exclusive
read a+1p 1p => 0x10
