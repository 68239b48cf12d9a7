# cow.c anon THP "Basic COW after fork() when collapsing before fork()": a
# THP is PTE-mapped (mprotect of one page R, then RW), collapsed again with
# MADV_COLLAPSE, then COW-shared by fork; the parent's write must not leak
# into the child (collapsing must carry the exclusivity over correctly).
# Host-verified (THP madvise, the PMD size inherit).
require thp=madvise thp_2048k=inherit
mmap a 2m rw- private
madvise a 2m hugepage
write a 0x01
pagemap a+511p => present excl
write a 0x01 2m
mprotect a+1p 1p r--
mprotect a+1p 1p rw-
smaps a AnonHugePages => 0 kB
madvise a 2m collapse
smaps a AnonHugePages => 2048 kB
fork child
write a 0xff 2m
@child read a 2m => 0x01
read a 2m => 0xff
