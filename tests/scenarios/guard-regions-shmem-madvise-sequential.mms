# Port of tools/testing/selftests/mm/guard-regions.c, variant shmem (a memfd of 100 pages, MAP_SHARED).
# MADV_SEQUENTIAL (aggressive read-ahead), guard markers on every other
# page, MADV_PAGEOUT: the guarded pages fault, the others keep their
# data, and after removal every page holds its pattern again.
memfd f 100p
mmap p 10p rw- shared file=f
write p+0p 97 4096
write p+1p 98 4096
write p+2p 99 4096
write p+3p 100 4096
write p+4p 101 4096
write p+5p 102 4096
write p+6p 103 4096
write p+7p 104 4096
write p+8p 105 4096
write p+9p 106 4096
madvise p 10p sequential
madvise p+0p 1p guard_install
madvise p+2p 1p guard_install
madvise p+4p 1p guard_install
madvise p+6p 1p guard_install
madvise p+8p 1p guard_install
madvise p 10p pageout
read p+0p => SIGSEGV
write p+0p 0x78 => SIGSEGV
read p+1p => 98
read p+2p => SIGSEGV
write p+2p 0x78 => SIGSEGV
read p+3p => 100
read p+4p => SIGSEGV
write p+4p 0x78 => SIGSEGV
read p+5p => 102
read p+6p => SIGSEGV
write p+6p 0x78 => SIGSEGV
read p+7p => 104
read p+8p => SIGSEGV
write p+8p 0x78 => SIGSEGV
read p+9p => 106
madvise p 10p guard_remove
read p+0p 4096 => 97
read p+1p 4096 => 98
read p+2p 4096 => 99
read p+3p 4096 => 100
read p+4p 4096 => 101
read p+5p 4096 => 102
read p+6p 4096 => 103
read p+7p 4096 => 104
read p+8p 4096 => 105
read p+9p 4096 => 106
munmap p 10p
