# cow.c anon THP "Basic COW after fork() when collapsing after fork() (upper
# shared)": as the lower-shared case, with the upper half COW-shared and the
# lower half MADV_DONTFORK during the fork.  Host-verified (THP madvise, the
# PMD size inherit).
require thp=madvise thp_2048k=inherit
mmap a 2m rw- private
madvise a 2m hugepage
write a 0x01
pagemap a+511p => present excl
write a 0x01 2m
mprotect a+1p 1p r--
mprotect a+1p 1p rw-
madvise a 1m dontfork
fork child
madvise a 2m dofork
madvise a 2m collapse
smaps a AnonHugePages => 2048 kB
write a 0xff 2m
@child read a+1m 1m => 0x01
read a 2m => 0xff
