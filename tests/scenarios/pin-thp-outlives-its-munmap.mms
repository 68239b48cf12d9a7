# A long-term pin of a PMD-mapped THP keeps the folio after munmap: the
# pin holds it, nothing maps it. PageAnonExclusive of a PMD-mapped folio
# lives on its head page (the tails get theirs only when a split hands it
# to each PTE), so the pinned, unmapped folio is still exclusive: the
# checker must read the head for pages no PTE maps. Then the same after
# a PMD split by a partial mprotect, where every page carries its own.
require thp=madvise
mmap a 2m rw- private at=0x200000000000
madvise a 2m hugepage
write a 0x5a 2m
smaps a AnonHugePages => 2048 kB
pin ap a 2m
munmap a 2m
maps =>
mmap b 2m rw- private at=0x200000200000
madvise b 2m hugepage
write b 0x6b 2m
pin bp b 2m
mprotect b 4k r--
smaps b AnonHugePages => 0 kB
munmap b 2m
maps =>
