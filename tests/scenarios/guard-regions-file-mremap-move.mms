# Port of tools/testing/selftests/mm/guard-regions.c, variant file (a tmpfile of 100 pages on a disk filesystem, MAP_SHARED).
# Moving a mapping moves its markers.
file f 100p
mmap p 5p rw- shared file=f
madvise p 1p guard_install
madvise p+4p 1p guard_install
read p => SIGSEGV
read p+4p => SIGSEGV
mmap n 5p --- shared file=f
mremap p 5p 5p maymove to=n
read n => SIGSEGV
read n+4p => SIGSEGV
munmap n 5p
