# khugepaged.c, collapse_max_ptes_none in the madvise context on
# anonymous memory: 255 of 512 pages written, 257 entries empty, one
# more than the max_ptes_none of 256 the selftest sets; MADV_COLLAPSE
# ignores that limit and collapses, the 255 pages kept, the rest zero.
# The host's max_ptes_none stays at its default, 511 (the project
# never writes khugepaged's knobs); the selftest's 256 is run on the
# model by khugepaged-collapse-max-ptes-none-madvise-anon-256.  The
# selftest's second step, a collapse with exactly max_ptes_none empty
# entries, belongs to the khugepaged context only.
require thp=madvise thp_max_ptes_none=511
mmap a 2m rw- private
write a 0x10 255p
write a+1p 0x20
write a+254p 0x40
smaps a AnonHugePages => 0 kB
smaps a Rss => 1020 kB
madvise a 2m hugepage
madvise a 2m collapse
smaps a AnonHugePages => 2048 kB
pagemap_scan a 2m anyof=huge return=present,huge =>
| 100000000000-100000200000 present huge
| walk_end 100000200000
read a 1p => 0x10
read a+1p => 0x20
read a+2p 252p => 0x10
read a+254p => 0x40
read a+255p 257p => 0
