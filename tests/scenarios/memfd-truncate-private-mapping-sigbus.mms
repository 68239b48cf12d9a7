# Rule (mm/truncate.c truncate_pagecache, unmap_mapping_range even_cows=1):
# truncation also zaps private COW copies beyond EOF; a MAP_PRIVATE mapping
# then gets SIGBUS past EOF too.
memfd f 2p
mmap p 2p rw- private file=f
write p+1p 0x22
ftruncate f 1p
read p+1p => SIGBUS
read p => 0
