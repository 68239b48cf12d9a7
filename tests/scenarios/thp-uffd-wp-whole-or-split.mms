# UFFDIO_WRITEPROTECT over THPs (synchronous mode): a range covering a
# whole THP protects its PMD (every page reads uffd-wp, the THP stays),
# one covering part of it splits the PMD and protects those pages; the
# huge zero PMD is protected whole too.  A protected write goes to the
# monitor; once resolved, writes go through and a write to the huge zero
# PMD maps a THP.  Expectations generated with mmsim diff -v, which agreed.
require thp=madvise thp_2048k=inherit thp_zero_page=on
uffd_api 0
mmap a 6m rw- private
madvise a 6m hugepage
touch a 4m w
read a+4m => 0x00
# MADV_NOHUGEPAGE keeps the host's khugepaged from collapsing the split
# range back while the scenario runs
madvise a 6m nohugepage
uffd_register a 6m wp
uffd_wp a 2m
pagemap a => present excl uffd-wp
pagemap a+511p => present excl uffd-wp
smaps a AnonHugePages => 4096 kB
write a+1p 1 => uffd-wp
uffd_wp a+2m 4p
smaps a AnonHugePages => 2048 kB
pagemap a+2m => present excl uffd-wp
pagemap a+516p => present excl
write a+2m 1 => uffd-wp
write a+516p 1
uffd_wp a+4m 2m
pagemap a+4m => present file uffd-wp
write a+4m 1 => uffd-wp
uffd_unwp a 6m
write a+1p 1
write a+2m 2
write a+4m 3
smaps a AnonHugePages => 4096 kB
read a+4m => 0x03
