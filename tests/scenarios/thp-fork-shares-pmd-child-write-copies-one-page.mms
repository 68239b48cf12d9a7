# fork shares a THP read-only by PMD; the child's write splits only the
# child's PMD and copies one 4 KiB page (the folio stays shared in the
# rest).  smaps then counts the shared pages' PSS by their precise
# mapcount, and pagemap's exclusive bit of every page under the parent's
# PMD is that of the folio's first page (the page the child replaced, so
# mapped once: all "excl").  The parent's own later write splits its PMD
# too and copies its page.  Host-verified.
require thp=madvise thp_2048k=inherit
mmap a 4m rw- private
madvise a 4m hugepage
touch a 4m w
# MADV_NOHUGEPAGE keeps the host's khugepaged from collapsing split
# ranges back while the scenario runs
madvise a 4m nohugepage
fork c
pagemap a => present
pagemap a+2m => present
smaps a Pss => 2048 kB
smaps a Shared_Dirty => 4096 kB
@c write a+2m 5
smaps a AnonHugePages => 4096 kB
@c smaps a AnonHugePages => 2048 kB
@c smaps a Rss => 4096 kB
frame a+2m @c a+2m => different
frame a+513p @c a+513p => same
pagemap a+2m => present excl
pagemap a+3m => present excl
@c pagemap a+2m => present excl
@c pagemap a+3m => present
smaps a Pss => 2050 kB
@c smaps a Pss => 2050 kB
smaps a Shared_Dirty => 4092 kB
smaps a Private_Dirty => 4 kB
read a+2m => 0
@c read a+2m => 5
write a+3m 7
smaps a AnonHugePages => 2048 kB
pagemap a+3m => present excl
frame a+3m @c a+3m => different
smaps a Pss => 2052 kB
