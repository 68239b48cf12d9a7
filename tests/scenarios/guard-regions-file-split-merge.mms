# Port of tools/testing/selftests/mm/guard-regions.c, variant file (a tmpfile of 100 pages on a disk filesystem, MAP_SHARED).
# Markers survive splits by munmap and mprotect and the merge back.
file f 100p
mmap p 10p rw- shared file=f
madvise p 10p guard_install
read p+0p => SIGSEGV
read p+1p => SIGSEGV
read p+2p => SIGSEGV
read p+3p => SIGSEGV
read p+4p => SIGSEGV
read p+5p => SIGSEGV
read p+6p => SIGSEGV
read p+7p => SIGSEGV
read p+8p => SIGSEGV
read p+9p => SIGSEGV
munmap p+2p 1p
munmap p+5p 1p
munmap p+8p 1p
read p+0p => SIGSEGV
read p+1p => SIGSEGV
read p+3p => SIGSEGV
read p+4p => SIGSEGV
read p+6p => SIGSEGV
read p+7p => SIGSEGV
read p+9p => SIGSEGV
mmap n2 1p rw- shared,fixed file=f at=p+2p
mmap n5 1p rw- shared,fixed file=f at=p+5p
mmap n8 1p rw- shared,fixed file=f at=p+8p
read p+0p => SIGSEGV
read p+1p => SIGSEGV
read p+2p
write p+2p 0x78
read p+3p => SIGSEGV
read p+4p => SIGSEGV
read p+5p
write p+5p 0x78
read p+6p => SIGSEGV
read p+7p => SIGSEGV
read p+8p
write p+8p 0x78
read p+9p => SIGSEGV
madvise p 10p guard_install
read p+0p => SIGSEGV
read p+1p => SIGSEGV
read p+2p => SIGSEGV
read p+3p => SIGSEGV
read p+4p => SIGSEGV
read p+5p => SIGSEGV
read p+6p => SIGSEGV
read p+7p => SIGSEGV
read p+8p => SIGSEGV
read p+9p => SIGSEGV
mprotect p 3p r--
mprotect p+7p 3p r--
read p+0p => SIGSEGV
read p+1p => SIGSEGV
read p+2p => SIGSEGV
read p+3p => SIGSEGV
read p+4p => SIGSEGV
read p+5p => SIGSEGV
read p+6p => SIGSEGV
read p+7p => SIGSEGV
read p+8p => SIGSEGV
read p+9p => SIGSEGV
mprotect p 3p rw-
mprotect p+7p 3p rw-
read p+0p => SIGSEGV
read p+1p => SIGSEGV
read p+2p => SIGSEGV
read p+3p => SIGSEGV
read p+4p => SIGSEGV
read p+5p => SIGSEGV
read p+6p => SIGSEGV
read p+7p => SIGSEGV
read p+8p => SIGSEGV
read p+9p => SIGSEGV
mprotect p 3p r--
mprotect p+7p 3p r--
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
mprotect p 3p rw-
mprotect p+7p 3p rw-
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
