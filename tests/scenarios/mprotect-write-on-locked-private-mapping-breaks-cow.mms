# mprotect making a locked private file mapping writable breaks COW at
# once (populate with write), as mlock'd memory must not fault later.
memfd f 2p
pwrite f 0 0x33 2p
mmap a 2p r-- private,locked file=f
pagemap a => present file excl
smaps a Anonymous => 0 kB
mprotect a 2p rw-
pagemap a => present excl
pagemap a+1p => present excl
smaps a Anonymous => 8 kB
read a => 0x33
