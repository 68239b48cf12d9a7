# Rule (mm/shmem.c, MAP_SHARED file mappings): two shared mappings of one
# memfd map the same page-cache folio; a store through one is visible through
# the other, and both map the same frame.
memfd f 1p
mmap m1 1p rw- shared file=f
mmap m2 1p rw- shared file=f
write m1 0x5a
read m2 => 0x5a
frame m1 @main m2 => same
write m2+100 0x6b
read m1+100 => 0x6b
