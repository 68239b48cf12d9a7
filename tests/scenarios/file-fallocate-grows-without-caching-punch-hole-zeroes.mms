# fallocate on a disk file reserves blocks and grows the file (unless
# keep_size) without bringing pages into the cache; punching a hole drops
# the whole pages and zeroes the partial ones, in the file and in shared
# mappings.
file f 0
fallocate f 0 2p
mmap p 3p rw- shared file=f
mincore p 2p => 00
read p+1p => 0
read p+2p => SIGBUS
fallocate f 2p 1p keep_size
pread f 2p => eof
pwrite f 0 0x44 2p
fallocate f 100 1p punch_hole,keep_size
pread f 99 => 0x44
pread f 100 => 0
pread f 4195 => 0
pread f 4196 => 0x44
read p+99 => 0x44
read p+100 4096 => 0
read p+4196 => 0x44
