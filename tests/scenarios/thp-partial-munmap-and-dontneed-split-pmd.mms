# munmap and MADV_DONTNEED of part of a THP split its PMD and drop only the
# pages in the range; of a whole THP, drop the PMD.  Host-verified.
require thp=madvise thp_2048k=inherit
mmap a 4m rw- private
madvise a 4m hugepage
touch a 4m w
# MADV_NOHUGEPAGE keeps the host's khugepaged from collapsing split
# ranges back while the scenario runs
madvise a 4m nohugepage
munmap a+2m 4k
smaps a AnonHugePages => 2048 kB
smaps a+3m AnonHugePages => 0 kB
smaps a+3m Rss => 2044 kB
munmap a 2m
smaps a Rss => novma
mmap b 4m rw- private
madvise b 4m hugepage
touch b 4m w
madvise b 4m nohugepage
madvise b 1p dontneed
smaps b AnonHugePages => 2048 kB
smaps b Rss => 4092 kB
pagemap b => none
pagemap b+1p => present excl
madvise b+2m 2m dontneed
smaps b AnonHugePages => 0 kB
smaps b Rss => 2044 kB
read b+2m => 0
