# Port of tools/testing/selftests/mm/guard-regions.c, variant shmem (a memfd of 100 pages, MAP_SHARED).
# Punching a hole (MADV_REMOVE) under guard markers keeps them; after
# removal the punched pages read zero and the rest keep the file's data.
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
madvise p+3p 4p guard_install
read p+0p
read p+1p
read p+2p
read p+3p => SIGSEGV
read p+4p => SIGSEGV
read p+5p => SIGSEGV
read p+6p => SIGSEGV
read p+7p
read p+8p
read p+9p
madvise p+3p 4p remove
read p+0p
read p+1p
read p+2p
read p+3p => SIGSEGV
read p+4p => SIGSEGV
read p+5p => SIGSEGV
read p+6p => SIGSEGV
read p+7p
read p+8p
read p+9p
madvise p 10p guard_remove
read p+0p 4096 => 97
read p+1p 4096 => 98
read p+2p 4096 => 99
read p+3p 4096 => 0
read p+4p 4096 => 0
read p+5p 4096 => 0
read p+6p 4096 => 0
read p+7p 4096 => 104
read p+8p 4096 => 105
read p+9p 4096 => 106
munmap p 10p
