# Port of tools/testing/selftests/mm/guard-regions.c, variant file (a tmpfile of 100 pages on a disk filesystem, MAP_SHARED).
# Fault-around of the odd pages leaves the markers on the even ones.
# MADV_PAGEOUT first unmaps the pages; they are dirty, and reclaim outside
# kswapd does not write file pages, so they stay cached.
file f 100p
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
madvise p 10p pageout
pagemap p => none
munmap p 10p
mmap p 10p rw- shared file=f
madvise p+0p 1p guard_install
madvise p+2p 1p guard_install
madvise p+4p 1p guard_install
madvise p+6p 1p guard_install
madvise p+8p 1p guard_install
read p+1p => 98
read p+3p => 100
read p+5p => 102
read p+7p => 104
read p+9p => 106
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
munmap p 10p
