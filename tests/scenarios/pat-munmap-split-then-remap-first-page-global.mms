# Design pat=global (seed 004: no pointer in the VMA, a global table): the same steps as pat-munmap-split-then-remap-first-page.mms.
# Rule (tools/testing/selftests/mm/pfnmap.c "munmap split then remap first
# page"): after a tracked /dev/mem mapping is split by munmap, mapping the
# first page again over it with MAP_FIXED works: PAT tracking must allow
# it (the same cache mode may be reserved twice).
require model
design pat=global
open m mem
mmap s 4p r-- shared file=m
munmap s+1p 3p
mmap t 1p r-- shared,fixed file=m at=s
read t => 0x00
memtype_list => [mem 0x00000000-0x00001000] wb
munmap t 1p
memtype_list => none
