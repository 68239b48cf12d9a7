# cow.c anon THP "Basic COW after fork() when collapsing after fork() (lower
# shared)": only the lower half of the PTE-mapped THP is COW-shared (the
# upper half is MADV_DONTFORK during the fork); MADV_DOFORK merges the VMAs
# again and the parent collapses the whole THP, then writes: the child's
# lower half keeps the old data.  Host-verified (THP madvise, PMD inherit).
require thp=madvise thp_2048k=inherit
mmap a 2m rw- private
madvise a 2m hugepage
write a 0x01
pagemap a+511p => present excl
write a 0x01 2m
mprotect a+1p 1p r--
mprotect a+1p 1p rw-
madvise a+1m 1m dontfork
fork child
madvise a 2m dofork
maps =>
| 100000000000-100000200000 rw-p 00000000
madvise a 2m collapse
smaps a AnonHugePages => 2048 kB
write a 0xff 2m
@child read a 1m => 0x01
read a 2m => 0xff
