# khugepaged.c, madvise_collapse_existing_thps on anonymous memory: a
# fully written PTE table collapses, and MADV_COLLAPSE over the
# PMD-mapped THP it made succeeds again without changing it (the same
# frame, the contents kept).
require thp=madvise
mmap a 2m rw- private
write a 0x10 2m
write a+1p 0x20
write a+255p 0x30
write a+511p 0x40
smaps a AnonHugePages => 0 kB
madvise a 2m hugepage
madvise a 2m collapse
smaps a AnonHugePages => 2048 kB
read a 1p => 0x10
read a+1p => 0x20
read a+2p 253p => 0x10
read a+255p => 0x30
read a+256p 255p => 0x10
read a+511p => 0x40
fork keep
madvise a 2m collapse
smaps a AnonHugePages => 2048 kB
frame a @keep a => same
pagemap_scan a 2m anyof=huge return=present,huge =>
| 100000000000-100000200000 present huge
| walk_end 100000200000
read a 1p => 0x10
read a+1p => 0x20
read a+2p 253p => 0x10
read a+255p => 0x30
read a+256p 255p => 0x10
read a+511p => 0x40
