# Port of tools/testing/selftests/mm/guard-regions.c, variant anon (MAP_PRIVATE anonymous).
# A child that guards and unguards its COW-shared pages reads zeroes after;
# the parent keeps its contents.
mmap p 10p rw- private
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
fork child
@child read p+0p 4096 => 97
@child read p+1p 4096 => 98
@child read p+2p 4096 => 99
@child read p+3p 4096 => 100
@child read p+4p 4096 => 101
@child read p+5p 4096 => 102
@child read p+6p 4096 => 103
@child read p+7p 4096 => 104
@child read p+8p 4096 => 105
@child read p+9p 4096 => 106
@child madvise p 10p guard_install
@child madvise p 10p guard_remove
@child read p+0p 4096 => 0x00
@child read p+1p 4096 => 0x00
@child read p+2p 4096 => 0x00
@child read p+3p 4096 => 0x00
@child read p+4p 4096 => 0x00
@child read p+5p 4096 => 0x00
@child read p+6p 4096 => 0x00
@child read p+7p 4096 => 0x00
@child read p+8p 4096 => 0x00
@child read p+9p 4096 => 0x00
@child exit
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
