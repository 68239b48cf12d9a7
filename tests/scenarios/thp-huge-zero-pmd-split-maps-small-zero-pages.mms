# Splitting the huge zero PMD (here by mprotect of one page) maps every
# page of the range to the small zero page, read-only: pagemap no longer
# calls them file pages (the small zero page has no normal page).  A write
# then copies one zero page.  Host-verified.
require thp=madvise thp_2048k=inherit thp_zero_page=on
mmap a 2m rw- private
madvise a 2m hugepage
read a
# MADV_NOHUGEPAGE keeps the host's khugepaged from collapsing split
# ranges back while the scenario runs
madvise a 2m nohugepage
pagemap a+1p => present file
mprotect a+1p 1p r--
pagemap a => present
pagemap a+1p => present
pagemap a+511p => present
smaps a Rss => 0 kB
mprotect a+1p 1p rw-
write a+3p 1
smaps a Rss => 4 kB
smaps a AnonHugePages => 0 kB
pagemap a+3p => present excl
