# cow.c anon THP "Basic COW after fork() when collapsing after fork() (fully
# shared)": the PTE-mapped THP is COW-shared with a child, then the parent
# collapses it: the collapse copies into a new THP of the parent's own
# (read-only, shared pages included), so its write never reaches the child.
# Host-verified (THP madvise, the PMD size inherit).
require thp=madvise thp_2048k=inherit
mmap a 2m rw- private
madvise a 2m hugepage
write a 0x01
pagemap a+511p => present excl
write a 0x01 2m
mprotect a+1p 1p r--
mprotect a+1p 1p rw-
fork child
madvise a 2m collapse
smaps a AnonHugePages => 2048 kB
smaps a Pss => 2048 kB
@child smaps a Pss => 2048 kB
frame a @child a => different
write a 0xff 2m
@child read a 2m => 0x01
read a 2m => 0xff
