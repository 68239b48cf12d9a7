# A read fault in a THP-eligible range maps the huge zero folio with one
# read-only PMD (use_zero_page): every page is present at once, pagemap
# calls it a file page (its folio is not anon) and never exclusive, smaps
# counts nothing.  The first write replaces it with a new THP
# (do_huge_zero_wp_pmd).  Host-verified.
require thp=madvise thp_2048k=inherit thp_zero_page=on
mmap a 2m rw- private
madvise a 2m hugepage
read a+3p => 0
pagemap a => present file
pagemap a+511p => present file
smaps a Rss => 0 kB
smaps a AnonHugePages => 0 kB
mmap b 2m rw- private
madvise b 2m hugepage
read b
frame a @main b => same
frame a+1p @main b+1p => same
write a+7p 0x5a
smaps a Rss => 2048 kB
smaps a AnonHugePages => 2048 kB
pagemap a+511p => present excl
read a+7p => 0x5a
read a+8p => 0
frame a @main b => different
pagemap b => present file
