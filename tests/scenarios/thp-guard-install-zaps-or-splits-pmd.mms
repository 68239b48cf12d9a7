# MADV_GUARD_INSTALL over THPs: what is mapped goes first, so a guard
# over a whole THP zaps its PMD (the folio is freed) and one over part of
# a THP splits the PMD and zaps those PTEs (the folio stays, PTE-mapped);
# the huge zero PMD likewise.  After MADV_GUARD_REMOVE the page tables
# stay, so a new fault there maps small pages.  Expectations generated
# with mmsim diff -v, which agreed.
require thp=madvise thp_2048k=inherit thp_zero_page=on
mmap a 6m rw- private
madvise a 6m hugepage
touch a 4m w
read a+4m => 0x00
write a+3m 9 1p
# no more THP faults: MADV_NOHUGEPAGE keeps the host's khugepaged from
# collapsing the split ranges back while the scenario runs
madvise a 6m nohugepage
smaps a AnonHugePages => 4096 kB
madvise a 2m guard_install
smaps a AnonHugePages => 2048 kB
smaps a Rss => 2048 kB
pagemap a => swapped guard
pagemap a+511p => swapped guard
read a => SIGSEGV
madvise a+2m 4p guard_install
smaps a AnonHugePages => 0 kB
smaps a Rss => 2032 kB
pagemap a+2m => swapped guard
pagemap a+516p => present excl
read a+3m => 0x09
madvise a+1028p 4p guard_install
smaps a Rss => 2032 kB
pagemap a+1028p => swapped guard
pagemap a+1029p => swapped guard
read a+1027p => 0x00
madvise a 6m guard_remove
pagemap a => none
read a+4m => 0x00
smaps a Rss => 2032 kB
touch a 2m w
smaps a AnonHugePages => 0 kB
