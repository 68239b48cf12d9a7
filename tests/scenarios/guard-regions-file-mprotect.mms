# Port of tools/testing/selftests/mm/guard-regions.c, variant file (a tmpfile of 100 pages on a disk filesystem, MAP_SHARED).
# mprotect() neither removes nor disturbs guard markers.
file f 100p
mmap p 10p rw- shared file=f
madvise p+5p 2p guard_install
read p+5p => SIGSEGV
read p+6p => SIGSEGV
mprotect p+5p 2p r--
read p+5p => SIGSEGV
read p+6p => SIGSEGV
madvise p+5p 2p guard_install
read p+5p => SIGSEGV
read p+6p => SIGSEGV
madvise p 10p guard_remove
read p+0p
read p+1p
read p+2p
read p+3p
read p+4p
read p+5p
read p+6p
read p+7p
read p+8p
read p+9p
munmap p 10p
