# khugepaged.c, alloc_at_fault (run once before the table of tests):
# with THP enabled for the VMA, the first write to an aligned, empty 2 MiB
# maps a PMD THP (AnonHugePages 2048 kB); MADV_DONTNEED of its first page
# splits the PMD (AnonHugePages 0 kB), the other 511 pages stay mapped.
# The selftest sets enabled=always for the fault; the host stays in
# madvise mode and MADV_HUGEPAGE enables the VMA instead.
require thp=madvise
mmap a 2m rw- private
madvise a 2m hugepage
write a 1
smaps a AnonHugePages => 2048 kB
pagemap_scan a 2m anyof=huge return=present,huge =>
| 100000000000-100000200000 present huge
| walk_end 100000200000
madvise a 1p dontneed
smaps a AnonHugePages => 0 kB
smaps a Rss => 2044 kB
pagemap_scan a 2m anyof=huge return=huge count => regions=0 pages=0 walk_end=100000200000
read a => 0
pagemap a+1p => present excl
munmap a 2m
maps =>
