require model
# cow.c anon #12 "R/O GUP-fast pin on R/O-mapped previously-shared page", on
# a PMD-sized THP in each of cow.c's THP layouts (PMD-mapped, PTE-mapped, a
# single PTE, partially mremap()ed, partially shared): as #11 (GUP-fast: the
# model has one GUP path; the rules are the same). Swapped-out layouts are
# left out: neither the model nor the host swaps.
# Model-only: read-only long-term pins need gup_test (CONFIG_GUP_TEST),
# which the host lacks.  cow.c runs it with the PMD size set to always
# (thp_2048k=always) and MADV_HUGEPAGE, as here.
profile thp=madvise thp_2048k=always

# PMD-mapped THP (2048 kB)
mmap m0 2048k rw- private
madvise m0 2048k hugepage
write m0 0x01
pagemap m0+511p => present excl
write m0 0x01 2048k
smaps m0 AnonHugePages => 2048 kB
fork m0c
@m0c exit
pin m0P m0 2048k ro
write m0 0xff 2048k
pin_read m0P => 0xff

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
fork m1c
@m1c exit
pin m1P m1 2048k ro
write m1 0xff 2048k
pin_read m1P => 0xff

# single PTE of THP (2048 kB)
mmap m2 2048k rw- private
madvise m2 2048k hugepage
write m2 0x01
pagemap m2+511p => present excl
write m2 0x01 2048k
madvise m2+1p 511p dontneed
smaps m2 Rss => 4 kB
fork m2c
@m2c exit
pin m2P m2 1p ro
write m2 0xff 1p
pin_read m2P => 0xff

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
fork m3c
@m3c exit
pin m3P m3 1024k ro
write m3 0xff 1024k
pin_read m3P => 0xff

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
fork m4c
@m4c exit
pin m4P m4 2048k ro
write m4 0xff 2048k
pin_read m4P => 0xff
