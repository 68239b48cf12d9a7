# The page cache is sparse on the host too: a byte written at 1 TiB costs
# a page, and the memory limit counts that page, not the file's size.
memfd f 1p
pwrite f 1024g 0x2a 1
ftruncate f 4096g
pread f 1024g => 0x2a
