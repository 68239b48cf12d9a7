# Port of tools/testing/selftests/mm/guard-regions.c, variant shmem (a memfd of 100 pages, MAP_SHARED).
# A memfd with a pattern is write-sealed and mapped read-only; guard
# markers on every other page fault, their removal brings the pattern
# back, and the seal still holds: every write is SIGSEGV.
memfd f 100p
memfd s 10p sealing
mmap w 10p rw- shared file=s
write w+0p 97 4096
write w+1p 98 4096
write w+2p 99 4096
write w+3p 100 4096
write w+4p 101 4096
write w+5p 102 4096
write w+6p 103 4096
write w+7p 104 4096
write w+8p 105 4096
write w+9p 106 4096
munmap w 10p
seal s write
mmap p 10p r-- shared file=s
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
write p+0p 0x78 => SIGSEGV
write p+1p 0x78 => SIGSEGV
write p+2p 0x78 => SIGSEGV
write p+3p 0x78 => SIGSEGV
write p+4p 0x78 => SIGSEGV
write p+5p 0x78 => SIGSEGV
write p+6p 0x78 => SIGSEGV
write p+7p 0x78 => SIGSEGV
write p+8p 0x78 => SIGSEGV
write p+9p 0x78 => SIGSEGV
munmap p 10p
