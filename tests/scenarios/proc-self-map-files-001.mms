# proc-self-map-files-001.c: /proc/self/map_files/START-END links to the
# file a VMA maps - here a private, PROT_NONE mapping of /dev/zero - and only that exact name does: a blank
# before, inside or after it, a leading zero, or a number too large for
# 64 bits are no entry (ENOENT).
open z zero
mmap p 1p --- private file=z
map_files {p}-{p+1p} => /dev/zero
map_files \s{p}-{p+1p} => ENOENT
map_files {p}\s-{p+1p} => ENOENT
map_files {p}-\s{p+1p} => ENOENT
map_files {p}-{p+1p}\s => ENOENT
map_files 0{p}-{p+1p} => ENOENT
map_files {p}-0{p+1p} => ENOENT
map_files 10000000000000000{p}-{p+1p} => ENOENT
map_files {p}-10000000000000000{p+1p} => ENOENT
# beyond the test: anonymous memory has no file, a part of a VMA is no
# VMA, and a memfd links to its name
mmap a 2p rw- private
map_files {a}-{a+2p} => ENOENT
memfd f 2p
mmap m 2p rw- shared file=f
map_files {m}-{m+1p} => ENOENT
map_files {m}-{m+2p} => /memfd:f (deleted)
