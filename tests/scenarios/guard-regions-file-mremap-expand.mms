# Port of tools/testing/selftests/mm/guard-regions.c, variant file (a tmpfile of 100 pages on a disk filesystem, MAP_SHARED).
# Growing in place and moving while growing keep the markers where they were.
file f 100p
mmap p 10p rw- shared file=f
munmap p+5p 5p
madvise p 1p guard_install
madvise p+4p 1p guard_install
read p => SIGSEGV
read p+4p => SIGSEGV
mremap p 5p 10p
read p => SIGSEGV
read p+4p => SIGSEGV
mmap n 20p --- shared file=f
mremap p 10p 20p maymove to=n
read n => SIGSEGV
read n+4p => SIGSEGV
munmap n 20p
