# Port of tools/testing/selftests/mm/guard-regions.c, variant file (a tmpfile of 100 pages on a disk filesystem, MAP_SHARED).
# Guards in a shared and a private mapping of one file are independent;
# installing in the private one zaps its COW copies.
file f 100p
mmap sh 10p rw- shared file=f
mmap pr 10p rw- private file=f
write sh+0p 97 4096
write sh+1p 98 4096
write sh+2p 99 4096
write sh+3p 100 4096
write sh+4p 101 4096
write sh+5p 102 4096
write sh+6p 103 4096
write sh+7p 104 4096
write sh+8p 105 4096
write sh+9p 106 4096
madvise sh+0p 1p guard_install
madvise sh+2p 1p guard_install
madvise sh+4p 1p guard_install
madvise sh+6p 1p guard_install
madvise sh+8p 1p guard_install
read sh+0p => SIGSEGV
read pr+0p
read sh+1p
read pr+1p
read sh+2p => SIGSEGV
read pr+2p
read sh+3p
read pr+3p
read sh+4p => SIGSEGV
read pr+4p
read sh+5p
read pr+5p
read sh+6p => SIGSEGV
read pr+6p
read sh+7p
read pr+7p
read sh+8p => SIGSEGV
read pr+8p
read sh+9p
read pr+9p
madvise pr+0p 1p guard_install
madvise pr+2p 1p guard_install
madvise pr+4p 1p guard_install
madvise pr+6p 1p guard_install
madvise pr+8p 1p guard_install
read sh+0p => SIGSEGV
read pr+0p => SIGSEGV
read sh+1p
read pr+1p
read sh+2p => SIGSEGV
read pr+2p => SIGSEGV
read sh+3p
read pr+3p
read sh+4p => SIGSEGV
read pr+4p => SIGSEGV
read sh+5p
read pr+5p
read sh+6p => SIGSEGV
read pr+6p => SIGSEGV
read sh+7p
read pr+7p
read sh+8p => SIGSEGV
read pr+8p => SIGSEGV
read sh+9p
read pr+9p
madvise sh 10p guard_remove
read sh+0p
read pr+0p => SIGSEGV
read sh+1p
read pr+1p
read sh+2p
read pr+2p => SIGSEGV
read sh+3p
read pr+3p
read sh+4p
read pr+4p => SIGSEGV
read sh+5p
read pr+5p
read sh+6p
read pr+6p => SIGSEGV
read sh+7p
read pr+7p
read sh+8p
read pr+8p => SIGSEGV
read sh+9p
read pr+9p
madvise pr 10p guard_remove
read sh+0p 4096 => 97
read pr+0p 4096 => 97
read sh+1p 4096 => 98
read pr+1p 4096 => 98
read sh+2p 4096 => 99
read pr+2p 4096 => 99
read sh+3p 4096 => 100
read pr+3p 4096 => 100
read sh+4p 4096 => 101
read pr+4p 4096 => 101
read sh+5p 4096 => 102
read pr+5p 4096 => 102
read sh+6p 4096 => 103
read pr+6p 4096 => 103
read sh+7p 4096 => 104
read pr+7p 4096 => 104
read sh+8p 4096 => 105
read pr+8p 4096 => 105
read sh+9p 4096 => 106
read pr+9p 4096 => 106
write pr+0p 97 4096
write pr+2p 99 4096
write pr+4p 101 4096
write pr+6p 103 4096
write pr+8p 105 4096
madvise pr 5p guard_install
read pr+0p => SIGSEGV
read sh+0p
read pr+1p => SIGSEGV
read sh+1p
read pr+2p => SIGSEGV
read sh+2p
read pr+3p => SIGSEGV
read sh+3p
read pr+4p => SIGSEGV
read sh+4p
read pr+5p
read sh+5p
read pr+6p
read sh+6p
read pr+7p
read sh+7p
read pr+8p
read sh+8p
read pr+9p
read sh+9p
madvise pr 10p guard_remove
read pr+0p 4096 => 97
read pr+1p 4096 => 98
read pr+2p 4096 => 99
read pr+3p 4096 => 100
read pr+4p 4096 => 101
read pr+5p 4096 => 102
read pr+6p 4096 => 103
read pr+7p 4096 => 104
read pr+8p 4096 => 105
read pr+9p 4096 => 106
frame pr+0p @main sh+0p => same
frame pr+1p @main sh+1p => same
frame pr+2p @main sh+2p => same
frame pr+3p @main sh+3p => same
frame pr+4p @main sh+4p => same
frame pr+5p @main sh+5p => same
frame pr+6p @main sh+6p => different
frame pr+7p @main sh+7p => same
frame pr+8p @main sh+8p => different
frame pr+9p @main sh+9p => same
munmap sh 10p
munmap pr 10p
