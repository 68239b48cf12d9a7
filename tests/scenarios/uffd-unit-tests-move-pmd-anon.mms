# Port of tools/testing/selftests/mm/uffd-unit-tests.c, case move-pmd on
# anon: the source is MADV_HUGEPAGE (PMD THPs), the destination too, and
# the monitor answers a missing fault anywhere in a 2 MiB chunk of the
# destination with UFFDIO_MOVE of the whole aligned chunk.  With both
# addresses PMD-aligned, the range covering the PMD and the destination
# PMD empty (a missing fault at PMD level leaves it so), the THP moves
# whole (move_pages_huge_pmd, Linux 6.8): the destination maps it as one
# PMD, dirty and writable; the source is left empty.
require thp=madvise thp_2048k=inherit
uffd_api move
mmap src 4m rw- private
madvise src 4m hugepage
madvise src 4m dontfork
write src 1 2m
write src+2m 2 2m
smaps src AnonHugePages => 4096 kB
mmap dst 4m rw- private
madvise dst 4m hugepage
uffd_register dst 4m missing
read dst+5p => uffd-missing
smaps dst Rss => 0 kB
uffd_move dst src 2m
smaps dst AnonHugePages => 2048 kB
smaps src AnonHugePages => 2048 kB
read dst 2m => 1
pagemap dst => present excl
read src => 0
read dst+517p => uffd-missing
uffd_move dst+2m src+2m 2m
read dst+2m 2m => 2
smaps dst AnonHugePages => 4096 kB
smaps src AnonHugePages => 0 kB
write dst 3
read dst => 3
