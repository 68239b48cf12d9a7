# fork with a pinned page in a THP (io_uring fixed buffer: FOLL_PIN,
# FOLL_LONGTERM, FOLL_WRITE): the folio may be pinned, so copy_huge_pmd()
# splits the parent's PMD and the child gets a copy of every page; the
# unpinned THP next to it is shared by PMD as usual.  Host-verified.
require thp=madvise thp_2048k=inherit
mmap a 4m rw- private
madvise a 4m hugepage
touch a 4m w
# MADV_NOHUGEPAGE keeps the host's khugepaged from collapsing split
# ranges back while the scenario runs
madvise a 4m nohugepage
pin P a+1p 1p
smaps a AnonHugePages => 4096 kB
fork c
smaps a AnonHugePages => 2048 kB
@c smaps a AnonHugePages => 2048 kB
smaps a Rss => 4096 kB
@c smaps a Rss => 4096 kB
smaps a Pss => 3072 kB
frame a @c a => different
frame a+1p @c a+1p => different
frame a+2m @c a+2m => same
pagemap a => present excl
pagemap a+2m => present
write a+1p 0x44
@c read a+1p => 0
unpin P
