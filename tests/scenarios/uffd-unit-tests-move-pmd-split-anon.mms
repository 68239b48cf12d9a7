# Port of tools/testing/selftests/mm/uffd-unit-tests.c, case
# move-pmd-split on anon: as move-pmd (PMD THPs at the source, 2 MiB
# aligned moves), but the destination is MADV_NOHUGEPAGE, so its missing
# fault is taken at PTE level and leaves a page table in the destination
# PMD.  A THP cannot move whole onto a PMD that is not empty: UFFDIO_MOVE
# splits the source PMD, then each page's folio (split_folio), and moves
# the 512 pages one by one (Linux 6.8).
require thp=madvise thp_2048k=inherit
uffd_api move
mmap src 4m rw- private
madvise src 4m hugepage
madvise src 4m dontfork
write src 1 2m
write src+2m 2 2m
smaps src AnonHugePages => 4096 kB
mmap dst 4m rw- private
madvise dst 4m nohugepage
uffd_register dst 4m missing
read dst+5p => uffd-missing
uffd_move dst src 2m
smaps dst AnonHugePages => 0 kB
smaps dst Rss => 2048 kB
smaps src AnonHugePages => 2048 kB
read dst 2m => 1
pagemap dst => present excl
pagemap dst+511p => present excl
pagemap src => none
read dst+517p => uffd-missing
uffd_move dst+2m src+2m 2m
read dst+2m 2m => 2
smaps src AnonHugePages => 0 kB
smaps src Rss => 0 kB
smaps dst Rss => 4096 kB
write dst 3
read dst => 3
