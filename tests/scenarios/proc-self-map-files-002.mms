# proc-self-map-files-002.c: /proc/self/map_files/START-END links to the
# file a VMA maps - here the same at the lowest address mmap allows: the
# test tries MAP_FIXED from address 0 up, and as root (CAP_SYS_RAWIO
# passes vm.mmap_min_addr) address 0 itself maps - and only that exact
# name does: a blank before, inside or after it, a leading zero, or a
# number too large for 64 bits are no entry (ENOENT).
open z zero
mmap p 1p --- private,fixed file=z at=0
map_files {p}-{p+1p} => /dev/zero
map_files \s{p}-{p+1p} => ENOENT
map_files {p}\s-{p+1p} => ENOENT
map_files {p}-\s{p+1p} => ENOENT
map_files {p}-{p+1p}\s => ENOENT
map_files 0{p}-{p+1p} => ENOENT
map_files {p}-0{p+1p} => ENOENT
map_files 10000000000000000{p}-{p+1p} => ENOENT
map_files {p}-10000000000000000{p+1p} => ENOENT
