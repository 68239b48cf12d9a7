# Port of tools/testing/selftests/mm/guard-regions.c, variant file (a tmpfile of 100 pages on a disk filesystem, MAP_SHARED).
# Install refuses an mlock()ed range (EINVAL); remove is allowed on one.
file f 100p
mmap p 10p rw- shared file=f
write p+0p 0x79
write p+1p 0x79
write p+2p 0x79
write p+3p 0x79
write p+4p 0x79
write p+5p 0x79
write p+6p 0x79
write p+7p 0x79
write p+8p 0x79
write p+9p 0x79
mlock p 10p
madvise p 10p guard_install => EINVAL
munlock p 10p
madvise p 5p guard_install
read p+0p => SIGSEGV
read p+1p => SIGSEGV
read p+2p => SIGSEGV
read p+3p => SIGSEGV
read p+4p => SIGSEGV
read p+5p
write p+5p 0x78
read p+5p => 0x78
read p+6p
write p+6p 0x78
read p+6p => 0x78
read p+7p
write p+7p 0x78
read p+7p => 0x78
read p+8p
write p+8p 0x78
read p+8p => 0x78
read p+9p
write p+9p 0x78
read p+9p => 0x78
mlock p+5p 5p
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
munmap p 10p
