# khugepaged.c, collapse_fork_compound in the madvise context on
# anonymous memory: a THP (alloc_hpage) shared with a child by fork; the
# child splits its PMD (MADV_NOHUGEPAGE of one page, then of all), writes
# its first page (a copy: 511 PTEs still map pages shared with the
# parent) and collapses.  The selftest raises khugepaged's
# max_ptes_shared to 511 around the collapse, which only khugepaged
# reads: the host keeps its own (256), over which MADV_COLLAPSE goes.
# The parent keeps its THP and contents.
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
@child madvise a 1p nohugepage
@child madvise a 2m nohugepage
@child smaps a AnonHugePages => 0 kB
@child write a 0x10 1p
frame a @child a => different
frame a+1p @child a+1p => same
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
frame a+1p @child a+1p => different
@child exit
smaps a AnonHugePages => 2048 kB
pagemap_scan a 2m anyof=huge return=present,huge =>
| 100000000000-100000200000 present huge
| walk_end 100000200000
read a 1p => 0x10
read a+1p => 0x20
read a+2p 253p => 0x10
read a+255p => 0x30
read a+256p 255p => 0x10
read a+511p => 0x40
