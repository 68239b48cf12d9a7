# A write fault in a 2 MiB-aligned range of a VMA advised MADV_HUGEPAGE
# maps a PMD-sized THP (do_huge_pmd_anonymous_page): the whole 2 MiB is
# present after one write, smaps counts it in AnonHugePages and as private,
# and every page is mapped exclusively.  Host-verified.
require thp=madvise thp_2048k=inherit
mmap a 4m rw- private
madvise a 4m hugepage
smaps a THPeligible => 1
write a+5p 0x07
pagemap a => present excl
pagemap a+511p => present excl
pagemap a+2m => none
smaps a AnonHugePages => 2048 kB
smaps a Rss => 2048 kB
smaps a Pss => 2048 kB
smaps a Private_Dirty => 2048 kB
smaps a Anonymous => 2048 kB
read a+5p => 0x07
read a+6p => 0
touch a+2m 2m w
smaps a AnonHugePages => 4096 kB
