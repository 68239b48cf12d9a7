# Truncation zaps every mapping of the pages it drops, private COW copies
# included (truncate_pagecache): both mappings then SIGBUS past the end;
# growing the file again brings back zeroes (a hole), not the old data.
file f 2p
pwrite f 0 0x11 2p
mmap s 2p rw- shared file=f
mmap q 2p rw- private file=f
read s+1p => 0x11
write q+1p 0x22
read q+1p => 0x22
ftruncate f 1p
read s+1p => SIGBUS
read q+1p => SIGBUS
read q => 0x11
ftruncate f 2p
read s+1p 1p => 0
read q+1p 1p => 0
# a partial last page keeps its bytes up to the end only, on disk too
pwrite f 0 0x61 8
fsync f
ftruncate f 4
ftruncate f 8
pread f 3 => 0x61
pread f 4 => 0
