# Port of tools/testing/selftests/mm/guard-regions.c, variant shmem (a memfd of 100 pages, MAP_SHARED).
# Installing guard markers in a range registered with userfaultfd
# (missing mode) does not involve the monitor, and the markers act as
# usual: every access faults with SIGSEGV.
memfd f 100p
mmap p 10p rw- shared file=f
uffd_register p 10p missing
madvise p 10p guard_install
read p+0p => SIGSEGV
write p+0p 0x78 => SIGSEGV
read p+1p => SIGSEGV
write p+1p 0x78 => SIGSEGV
read p+2p => SIGSEGV
write p+2p 0x78 => SIGSEGV
read p+3p => SIGSEGV
write p+3p 0x78 => SIGSEGV
read p+4p => SIGSEGV
write p+4p 0x78 => SIGSEGV
read p+5p => SIGSEGV
write p+5p 0x78 => SIGSEGV
read p+6p => SIGSEGV
write p+6p 0x78 => SIGSEGV
read p+7p => SIGSEGV
write p+7p 0x78 => SIGSEGV
read p+8p => SIGSEGV
write p+8p 0x78 => SIGSEGV
read p+9p => SIGSEGV
write p+9p 0x78 => SIGSEGV
uffd_unregister p 10p
munmap p 10p
