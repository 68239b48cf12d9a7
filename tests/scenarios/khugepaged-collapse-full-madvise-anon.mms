# khugepaged.c, collapse_full in the madvise context on anonymous memory:
# 8 MiB written in madvise mode without MADV_HUGEPAGE is four PTE tables
# of small pages; MADV_HUGEPAGE (the selftest's clearing of
# VM_NOHUGEPAGE) and MADV_COLLAPSE over all of it make four PMD-mapped
# THPs (AnonHugePages 8192 kB, pagemap_scan `huge` everywhere), every
# page's contents kept.  The selftest sets enabled=never around the
# collapse; the host stays in madvise mode, and
# khugepaged-collapse-full-madvise-anon-thp-never states that on the model.
require thp=madvise
mmap a 8m rw- private
write a 0x10 2m
write a+1p 0x20
write a+255p 0x30
write a+511p 0x40
write a+2m 0x11 2m
write a+513p 0x21
write a+767p 0x31
write a+1023p 0x41
write a+4m 0x12 2m
write a+1025p 0x22
write a+1279p 0x32
write a+1535p 0x42
write a+6m 0x13 2m
write a+1537p 0x23
write a+1791p 0x33
write a+2047p 0x43
smaps a AnonHugePages => 0 kB
pagemap_scan a 8m anyof=huge return=huge count => regions=0 pages=0 walk_end=100000800000
madvise a 8m hugepage
madvise a 8m collapse
smaps a AnonHugePages => 8192 kB
smaps a Rss => 8192 kB
pagemap_scan a 8m anyof=huge return=present,huge =>
| 100000000000-100000800000 present huge
| walk_end 100000800000
read a 1p => 0x10
read a+1p => 0x20
read a+2p 253p => 0x10
read a+255p => 0x30
read a+256p 255p => 0x10
read a+511p => 0x40
read a+512p 1p => 0x11
read a+513p => 0x21
read a+514p 253p => 0x11
read a+767p => 0x31
read a+768p 255p => 0x11
read a+1023p => 0x41
read a+1024p 1p => 0x12
read a+1025p => 0x22
read a+1026p 253p => 0x12
read a+1279p => 0x32
read a+1280p 255p => 0x12
read a+1535p => 0x42
read a+1536p 1p => 0x13
read a+1537p => 0x23
read a+1538p 253p => 0x13
read a+1791p => 0x33
read a+1792p 255p => 0x13
read a+2047p => 0x43
