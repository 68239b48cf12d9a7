# Port of tools/testing/selftests/mm/guard-regions.c, variant shmem (a memfd of 100 pages, MAP_SHARED).
# Guards work in a read-only mapping; after removal it reads zero.
memfd f 100p
mmap p 10p r-- shared file=f
madvise p+0p 1p guard_install
madvise p+2p 1p guard_install
madvise p+4p 1p guard_install
madvise p+6p 1p guard_install
madvise p+8p 1p guard_install
read p+0p => SIGSEGV
read p+1p
read p+2p => SIGSEGV
read p+3p
read p+4p => SIGSEGV
read p+5p
read p+6p => SIGSEGV
read p+7p
read p+8p => SIGSEGV
read p+9p
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
read p 40960 => 0x00
munmap p 10p
