# Rule (mm/truncate.c truncate_pagecache_range, which ext4_punch_hole
# calls, and mm/shmem.c shmem_fallocate): punching a hole zaps the shared
# mappings of the whole pages in it, rounding its start up and its end
# down to pages.  A hole that ends inside the first page rounds its end
# to -1, which the unsigned comparison takes for the largest offset, so
# every mapped page from the hole's first page boundary to the end of the
# file is unmapped - the pages stay cached, only their entries go.  A
# hole inside a later page unmaps nothing.  ext4 also stretches a hole
# past EOF to the end of the page holding EOF, which then goes whole.
# Linux 6.18 on the host; mmsim difffuzz --seed=2290 found the model
# keeping the entries.
file f 8p
mmap a 8p r-- shared,populate file=f
fallocate f 0 1 keep_size,punch_hole
pagemap a => none
pagemap a+7p => none
mincore a 8p => 11111111
read a+7p
fallocate f 20481 100 keep_size,punch_hole
pagemap a+7p => present file excl
fallocate f 1 1 keep_size,punch_hole
pagemap a => present file excl
pagemap a+1p => none
memfd g 4p
mmap b 4p r-- shared,populate file=g
fallocate g 100 3000 keep_size,punch_hole
pagemap b => present file excl
pagemap b+3p => none
mincore b 4p => 1111
file h 4097
mmap c 2p r-- shared,populate file=h
fallocate h 4096 10000 keep_size,punch_hole
mincore c 2p => 10
pagemap c+1p => none
