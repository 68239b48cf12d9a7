# khugepaged.c, collapse_max_ptes_none in the madvise context on
# anonymous memory, with khugepaged/max_ptes_none at 256 as the selftest
# sets it: 255 of 512 pages written (257 entries empty, over the limit),
# and MADV_COLLAPSE still collapses (it ignores max_ptes_none).
# Model-only: the project never writes the host's khugepaged knobs;
# khugepaged-collapse-max-ptes-none-madvise-anon is the host-verified run
# at the host's 511.
require model
profile thp=madvise thp_max_ptes_none=256
mmap a 2m rw- private
write a 0x10 255p
write a+254p 0x40
madvise a 2m hugepage
madvise a 2m collapse
smaps a AnonHugePages => 2048 kB
pagemap_scan a 2m anyof=huge return=present,huge =>
| 100000000000-100000200000 present huge
| walk_end 100000200000
read a 254p => 0x10
read a+254p => 0x40
read a+255p 257p => 0
