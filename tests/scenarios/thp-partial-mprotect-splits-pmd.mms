# mprotect of part of a THP splits its PMD into 512 PTEs (the folio stays,
# PTE-mapped: AnonHugePages 0, Rss unchanged); the VMAs merge back after
# mprotect(RW) but the THP is not rebuilt.  mprotect of a whole, aligned THP
# keeps its PMD.  Host-verified.
require thp=madvise thp_2048k=inherit
mmap a 4m rw- private
madvise a 4m hugepage
touch a 4m w
# MADV_NOHUGEPAGE keeps the host's khugepaged from collapsing split
# ranges back while the scenario runs
madvise a 4m nohugepage
mprotect a+1p 1p r--
smaps a AnonHugePages => 0 kB
smaps a Rss => 4 kB
smaps a+2m AnonHugePages => 2048 kB
write a+1p 1 => SIGSEGV
mprotect a+1p 1p rw-
maps =>
| 100000000000-100000400000 rw-p 00000000
smaps a AnonHugePages => 2048 kB
smaps a Rss => 4096 kB
mprotect a+2m 2m r--
smaps a+2m AnonHugePages => 2048 kB
write a+2m 1 => SIGSEGV
read a+2m => 0
mprotect a+2m 2m rw-
write a+2m 9
pagemap a+2m => present excl
smaps a AnonHugePages => 2048 kB
