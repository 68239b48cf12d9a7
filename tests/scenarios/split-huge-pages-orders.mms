require model
# debugfs split_huge_pages to each order: the folios it leaves (what
# split_huge_page_test.c reads from /proc/kpageflags, here `counts`,
# model-only), PTE-mapped mTHPs split like PMD-mapped THPs, a partly
# unmapped THP losing the pieces nothing maps, and the huge zero folio
# left alone. mTHP sizes need settings this host does not have.
profile thp=madvise
mmap a 8m rw- private
madvise a 8m hugepage
write a 0x01 8m
split_huge_pages a 2m order=2
counts a => refcount 4 mapcount 1 pincount 0 order 2 large 4 entire 0 anon exclusive
counts a+511p => refcount 4 mapcount 1 pincount 0 order 2 large 4 entire 0 anon exclusive
split_huge_pages a+2m 2m order=8
counts a+2m => refcount 256 mapcount 1 pincount 0 order 8 large 256 entire 0 anon exclusive
counts a+768p => refcount 256 mapcount 1 pincount 0 order 8 large 256 entire 0 anon exclusive
# split again, lower: the order-8 folios become order-3 ones
split_huge_pages a+2m 2m order=3
counts a+1023p => refcount 8 mapcount 1 pincount 0 order 3 large 8 entire 0 anon exclusive
smaps a Rss => 8192 kB
# a THP partly unmapped: the order-2 pieces nothing maps are freed
munmap a+4m 8p
counts a+1032p => refcount 504 mapcount 1 pincount 0 order 9 large 504 entire 0 anon exclusive partially-mapped
split_huge_pages a+1032p 504p order=2
counts a+1032p => refcount 4 mapcount 1 pincount 0 order 2 large 4 entire 0 anon exclusive
smaps a+1032p Rss => 4064 kB
# to order 0: small folios
split_huge_pages a+6m 2m
counts a+6m => refcount 1 mapcount 1 pincount 0 anon exclusive
read a+6m 2m => 0x01
# the huge zero folio is not a THP to split
mmap z 2m r-- private
madvise z 2m hugepage
read z => 0x00
pagemap z => present file
split_huge_pages z 2m
pagemap z => present file
# mTHP (64 kB, PTE-mapped) split to order 2
profile thp_2048k=never thp_64k=always
mmap m 64k rw- private
write m 0x02 64k
counts m => refcount 16 mapcount 1 pincount 0 order 4 large 16 entire 0 anon exclusive
split_huge_pages m 64k order=2
counts m+15p => refcount 4 mapcount 1 pincount 0 order 2 large 4 entire 0 anon exclusive
read m 64k => 0x02
