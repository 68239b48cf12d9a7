# anon_vma_prepare() gives a VMA its neighbour's anon_vma when the two
# could merge again (find_mergeable_anon_vma: adjacent, same file and
# offsets, flags alike but for the access bits), so that an mprotect
# that made them differ can be undone by another: here both pages of a
# split mapping are written (each gets an anon_vma, the second the
# first's), then made alike - one VMA, as the host has it (found by
# difffuzz, seed 74).
mmap a 2m rwx private
mprotect a 1p -w-
write a 1 2p
mprotect a 2p r-x
maps =>
| 100000000000-100000002000 r-xp 00000000
| 100000002000-100000200000 rwxp 00000000
# written in the other order: the next VMA's anon_vma is taken first
mmap b 2m rwx private
mprotect b+1p 1p -w-
write b+1p 1 1p
write b 1 1p
mprotect b 2p rw-
mprotect b+1p 1p rw-
maps =>
| 100000000000-100000002000 r-xp 00000000
| 100000002000-100000200000 rwxp 00000000
| 100040000000-100040002000 rw-p 00000000
| 100040002000-100040200000 rwxp 00000000
