# Port of tools/testing/selftests/mm/guard-regions.c, variant file (a tmpfile of 100 pages on a disk filesystem, MAP_SHARED).
# Guard one page, then the last, remove each; guard three pages including a
# faulted one; removal never touches ordinary entries.
file f 100p
mmap p 10p rw- shared file=f
read p
write p 0x78
madvise p 1p guard_install
read p => SIGSEGV
read p+1p
write p+1p 0x78
read p+2p
write p+2p 0x78
read p+3p
write p+3p 0x78
read p+4p
write p+4p 0x78
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
madvise p+9p 1p guard_install
read p => SIGSEGV
read p+9p => SIGSEGV
madvise p 1p guard_remove
read p
write p 0x78
madvise p+9p 1p guard_remove
read p+9p
write p+9p 0x78
madvise p 3p guard_install
read p+0p => SIGSEGV
read p+1p => SIGSEGV
read p+2p => SIGSEGV
read p+3p
write p+3p 0x78
read p+4p
write p+4p 0x78
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
madvise p 10p guard_remove
read p+0p
write p+0p 0x78
read p+1p
write p+1p 0x78
read p+2p
write p+2p 0x78
read p+3p
write p+3p 0x78
read p+4p
write p+4p 0x78
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
madvise p 10p guard_remove
read p+0p => 0x78
read p+1p => 0x78
read p+2p => 0x78
read p+3p => 0x78
read p+4p => 0x78
read p+5p => 0x78
read p+6p => 0x78
read p+7p => 0x78
read p+8p => 0x78
read p+9p => 0x78
munmap p 10p
