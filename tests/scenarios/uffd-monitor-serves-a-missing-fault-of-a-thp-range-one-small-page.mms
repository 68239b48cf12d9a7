# A kernel-mode missing fault in a range that would get a THP goes to the
# monitor from the PMD level (do_huge_pmd_anonymous_page()); the monitor
# serves the one page it was told (UFFDIO_ZEROPAGE of 4 KiB, which puts a
# page table under the PMD), and the retried copy breaks that page's COW:
# a small page, no THP, the rest of the range still empty.
memfd f 1p
pwrite f 0 0x11 1p
mmap a 2m rw- private at=0x100000000000
madvise a 2m hugepage
uffd_register a 2m missing
sysread f 0 a+4p 1p => 4096
pagemap a+4p => present excl
read a+4p 1p => 0x11
pagemap a => none
pagemap a+5p => none
smaps a AnonHugePages => 0 kB
