require model
# cow.c anon #7 "R/O-mapping a page registered as iouring fixed buffer", on
# a PMD-sized THP in each of cow.c's THP layouts (PMD-mapped, PTE-mapped, a
# single PTE, partially mremap()ed, partially shared): a R/W long-term pin
# stays reliable when the entries become read-only and writable again: the
# write fault reuses the pinned pages. Swapped-out layouts are left out:
# neither the model nor the host swaps.
# Model-only: clear_refs (soft-dirty, which the host's kernel does not have)
# is model-only.  cow.c runs it with the PMD size set to always
# (thp_2048k=always) and MADV_HUGEPAGE, as here.
profile thp=madvise thp_2048k=always
# clear_refs 4 keeps mprotect(RW) from mapping the pages writable again (cow.c's clear_softdirty)
profile soft_dirty=on

# PMD-mapped THP (2048 kB)
mmap m0 2048k rw- private
madvise m0 2048k hugepage
write m0 0x01
pagemap m0+511p => present excl soft-dirty
write m0 0x01 2048k
smaps m0 AnonHugePages => 2048 kB
pin m0P m0 2048k
mprotect m0 2048k r--
clear_refs 4
mprotect m0 2048k rw-
write m0 0xff 2048k
pin_read m0P => 0xff

# PTE-mapped THP (2048 kB)
mmap m1 2048k rw- private
madvise m1 2048k hugepage
write m1 0x01
pagemap m1+511p => present excl soft-dirty
write m1 0x01 2048k
mprotect m1+1p 1p r--
mprotect m1+1p 1p rw-
smaps m1 AnonHugePages => 0 kB
smaps m1 Rss => 2048 kB
pin m1P m1 2048k
mprotect m1 2048k r--
clear_refs 4
mprotect m1 2048k rw-
write m1 0xff 2048k
pin_read m1P => 0xff

# single PTE of THP (2048 kB)
mmap m2 2048k rw- private
madvise m2 2048k hugepage
write m2 0x01
pagemap m2+511p => present excl soft-dirty
write m2 0x01 2048k
madvise m2+1p 511p dontneed
smaps m2 Rss => 4 kB
pin m2P m2 1p
mprotect m2 1p r--
clear_refs 4
mprotect m2 1p rw-
write m2 0xff 1p
pin_read m2P => 0xff

# partially mremap()ed THP (2048 kB)
mmap m3 2048k rw- private
madvise m3 2048k hugepage
write m3 0x01
pagemap m3+511p => present excl soft-dirty
write m3 0x01 2048k
mmap m3r 1024k --- private
mremap m3+1024k 1024k 1024k maymove to=m3r
smaps m3 AnonHugePages => 0 kB
smaps m3r Rss => 1024 kB
pin m3P m3 1024k
mprotect m3 1024k r--
clear_refs 4
mprotect m3 1024k rw-
write m3 0xff 1024k
pin_read m3P => 0xff

# partially shared THP (2048 kB)
mmap m4 2048k rw- private
madvise m4 2048k hugepage
write m4 0x01
pagemap m4+511p => present excl soft-dirty
write m4 0x01 2048k
madvise m4+1p 511p dontfork
fork m4t
@m4t exit
madvise m4+1p 511p dofork
smaps m4 AnonHugePages => 0 kB
pin m4P m4 2048k
mprotect m4 2048k r--
clear_refs 4
mprotect m4 2048k rw-
write m4 0xff 2048k
pin_read m4P => 0xff
