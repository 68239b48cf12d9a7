# mlock of a whole, aligned THP keeps its PMD (Locked counts it); mlock of
# one page of the next THP splits the VMA there and so the PMD, and the
# locked VMAs merge.  Host-verified.
require thp=madvise thp_2048k=inherit
mmap c 4m rw- private
madvise c 4m hugepage
touch c 4m w
# MADV_NOHUGEPAGE keeps the host's khugepaged from collapsing split
# ranges back while the scenario runs
madvise c 4m nohugepage
mlock c 2m
smaps c AnonHugePages => 2048 kB
smaps c Locked => 2048 kB
mlock c+2m 4k
smaps c AnonHugePages => 2048 kB
smaps c+2m Locked => 2052 kB
smaps c+3m AnonHugePages => 0 kB
smaps c+3m Locked => 0 kB
maps =>
| 100000000000-100000201000 rw-p 00000000
| 100000201000-100000400000 rw-p 00000000
