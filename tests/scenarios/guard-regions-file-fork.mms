# Port of tools/testing/selftests/mm/guard-regions.c, variant file (a tmpfile of 100 pages on a disk filesystem, MAP_SHARED).
# A child inherits the markers; its guard_remove leaves the parent guarded.
file f 100p
mmap p 10p rw- shared file=f
madvise p 5p guard_install
fork child
@child read p+0p => SIGSEGV
@child read p+1p => SIGSEGV
@child read p+2p => SIGSEGV
@child read p+3p => SIGSEGV
@child read p+4p => SIGSEGV
@child read p+5p
@child write p+5p 0x78
@child read p+6p
@child write p+6p 0x78
@child read p+7p
@child write p+7p 0x78
@child read p+8p
@child write p+8p 0x78
@child read p+9p
@child write p+9p 0x78
@child madvise p 10p guard_remove
@child exit
read p+0p => SIGSEGV
read p+1p => SIGSEGV
read p+2p => SIGSEGV
read p+3p => SIGSEGV
read p+4p => SIGSEGV
read p+5p
write p+5p 0x78
read p+6p
write p+6p 0x78
read p+7p
write p+7p 0x78
read p+8p
write p+8p 0x78
read p+9p
write p+9p 0x78
munmap p 10p
