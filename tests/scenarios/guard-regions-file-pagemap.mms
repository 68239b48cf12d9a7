# Port of tools/testing/selftests/mm/guard-regions.c, variant file (a tmpfile of 100 pages on a disk filesystem, MAP_SHARED).
# pagemap reports guard markers (and, like the host, as swapped entries).
file f 100p
mmap p 10p rw- shared file=f
pagemap p+0p => none
pagemap p+1p => none
pagemap p+2p => none
pagemap p+3p => none
pagemap p+4p => none
pagemap p+5p => none
pagemap p+6p => none
pagemap p+7p => none
pagemap p+8p => none
pagemap p+9p => none
madvise p+0p 1p guard_install
madvise p+2p 1p guard_install
madvise p+4p 1p guard_install
madvise p+6p 1p guard_install
madvise p+8p 1p guard_install
pagemap p+0p => swapped guard
pagemap p+1p => none
pagemap p+2p => swapped guard
pagemap p+3p => none
pagemap p+4p => swapped guard
pagemap p+5p => none
pagemap p+6p => swapped guard
pagemap p+7p => none
pagemap p+8p => swapped guard
pagemap p+9p => none
munmap p 10p
