# khugepaged.c, collapse_max_ptes_shared in the madvise context on
# anonymous memory: a THP (alloc_hpage) shared with a child by fork; the
# child writes its first 255 pages (copy-on-write splits its PMD), so
# 257 PTEs still map pages shared with the parent, one more than
# max_ptes_shared (256: the selftest's and the host's default).
# MADV_COLLAPSE ignores the limit and collapses; the parent keeps its
# THP.  The selftest's second step (exactly max_ptes_shared shared) is
# the khugepaged context's only.
require thp=madvise
mmap a 2m rw- private
write a 0x10 2m
write a+1p 0x20
write a+255p 0x30
write a+511p 0x40
smaps a AnonHugePages => 0 kB
smaps a VmFlags => rd wr mr mw me ac
madvise a 2m collapse
smaps a AnonHugePages => 2048 kB
madvise a 2m hugepage
fork child
@child smaps a AnonHugePages => 2048 kB
@child write a 0x10 255p
@child write a+1p 0x20
@child smaps a AnonHugePages => 0 kB
frame a+254p @child a+254p => different
frame a+255p @child a+255p => same
@child madvise a 2m hugepage
@child madvise a 2m collapse
@child smaps a AnonHugePages => 2048 kB
@child pagemap_scan a 2m anyof=huge return=present,huge =>
| 100000000000-100000200000 present huge
| walk_end 100000200000
@child read a 1p => 0x10
@child read a+1p => 0x20
@child read a+2p 253p => 0x10
@child read a+255p => 0x30
@child read a+256p 255p => 0x10
@child read a+511p => 0x40
@child exit
smaps a AnonHugePages => 2048 kB
read a 1p => 0x10
read a+1p => 0x20
read a+2p 253p => 0x10
read a+255p => 0x30
read a+256p 255p => 0x10
read a+511p => 0x40
