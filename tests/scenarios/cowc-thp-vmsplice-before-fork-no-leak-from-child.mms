# cow.c anon #5 "vmsplice() before fork(), unmap in parent after fork()", on
# a PMD-sized THP in each of cow.c's THP layouts (PMD-mapped, PTE-mapped, a
# single PTE, partially mremap()ed, partially shared): the child's write
# must not reach the parent's read-only reference. Swapped-out layouts are
# left out: neither the model nor the host swaps.
# Host-verified: the host (THP madvise, the PMD size inherit) gives a THP to
# a 2 MiB-aligned range advised MADV_HUGEPAGE; a host configured otherwise
# skips. On the host gup_get/gup_read are vmsplice() into a pipe and
# pin_read an io_uring write of the fixed buffer, as cow.c does.
require thp=madvise thp_2048k=inherit

# PMD-mapped THP (2048 kB)
mmap m0 2048k rw- private
madvise m0 2048k hugepage
write m0 0x01
pagemap m0+511p => present excl
write m0 0x01 2048k
smaps m0 AnonHugePages => 2048 kB
gup_get m0R m0 2048k
fork m0c
munmap m0 2048k
@m0c write m0 0xff 2048k
gup_read m0R => 0x01
@m0c read m0 2048k => 0xff

# PTE-mapped THP (2048 kB)
mmap m1 2048k rw- private
madvise m1 2048k hugepage
write m1 0x01
pagemap m1+511p => present excl
write m1 0x01 2048k
mprotect m1+1p 1p r--
mprotect m1+1p 1p rw-
smaps m1 AnonHugePages => 0 kB
smaps m1 Rss => 2048 kB
gup_get m1R m1 2048k
fork m1c
munmap m1 2048k
@m1c write m1 0xff 2048k
gup_read m1R => 0x01
@m1c read m1 2048k => 0xff

# single PTE of THP (2048 kB)
mmap m2 2048k rw- private
madvise m2 2048k hugepage
write m2 0x01
pagemap m2+511p => present excl
write m2 0x01 2048k
madvise m2+1p 511p dontneed
smaps m2 Rss => 4 kB
gup_get m2R m2 1p
fork m2c
munmap m2 1p
@m2c write m2 0xff 1p
gup_read m2R => 0x01
@m2c read m2 1p => 0xff

# partially mremap()ed THP (2048 kB)
mmap m3 2048k rw- private
madvise m3 2048k hugepage
write m3 0x01
pagemap m3+511p => present excl
write m3 0x01 2048k
mmap m3r 1024k --- private
mremap m3+1024k 1024k 1024k maymove to=m3r
smaps m3 AnonHugePages => 0 kB
smaps m3r Rss => 1024 kB
gup_get m3R m3 1024k
fork m3c
munmap m3 1024k
@m3c write m3 0xff 1024k
gup_read m3R => 0x01
@m3c read m3 1024k => 0xff

# partially shared THP (2048 kB)
mmap m4 2048k rw- private
madvise m4 2048k hugepage
write m4 0x01
pagemap m4+511p => present excl
write m4 0x01 2048k
madvise m4+1p 511p dontfork
fork m4t
@m4t exit
madvise m4+1p 511p dofork
smaps m4 AnonHugePages => 0 kB
gup_get m4R m4 2048k
fork m4c
munmap m4 2048k
@m4c write m4 0xff 2048k
gup_read m4R => 0x01
@m4c read m4 2048k => 0xff
