# Port of tools/testing/selftests/mm/guard-regions.c, variant file (a tmpfile of 100 pages on a disk filesystem, MAP_SHARED).
# Shrinking drops the markers of the tail; growing back does not bring them.
file f 100p
mmap p 5p rw- shared file=f
madvise p 1p guard_install
madvise p+4p 1p guard_install
read p => SIGSEGV
read p+4p => SIGSEGV
mremap p 5p 3p
read p => SIGSEGV
read p+1p
write p+1p 0x78
read p+2p
write p+2p 0x78
mremap p 3p 5p
read p => SIGSEGV
read p+1p
write p+1p 0x78
read p+2p
write p+2p 0x78
read p+3p
write p+3p 0x78
read p+4p
write p+4p 0x78
munmap p 5p
