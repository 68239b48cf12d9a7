# Port of tools/testing/selftests/mm/guard-regions.c, variant file (a tmpfile of 100 pages on a disk filesystem, MAP_SHARED).
# MADV_DONTNEED keeps guard markers; the other pages read zero (anon) or
# the file.
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
madvise p+0p 1p guard_install
madvise p+2p 1p guard_install
madvise p+4p 1p guard_install
madvise p+6p 1p guard_install
madvise p+8p 1p guard_install
madvise p 10p dontneed
read p+0p => SIGSEGV
write p+0p 0x78 => SIGSEGV
read p+1p => 0x79
write p+1p 0x78
read p+2p => SIGSEGV
write p+2p 0x78 => SIGSEGV
read p+3p => 0x79
write p+3p 0x78
read p+4p => SIGSEGV
write p+4p 0x78 => SIGSEGV
read p+5p => 0x79
write p+5p 0x78
read p+6p => SIGSEGV
write p+6p 0x78 => SIGSEGV
read p+7p => 0x79
write p+7p 0x78
read p+8p => SIGSEGV
write p+8p 0x78 => SIGSEGV
read p+9p => 0x79
write p+9p 0x78
munmap p 10p
