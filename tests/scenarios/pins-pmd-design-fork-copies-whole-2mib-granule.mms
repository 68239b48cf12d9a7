require model
# The pmd pin-accounting design (seed 003, lib/model/pincount.c) answers
# "pinned?" per PTE table, i.e. per 2 MiB of one mm: one pin makes every
# exclusive anon page in the same 2 MiB look pinned, and fork copies them
# all eagerly. This is the design's documented difference from bias and
# shadow (which share the unpinned neighbour).
design pins=pmd
mmap a 2p rw- private
write a 0x01 2p
pin P a 1p
counts a+1p => refcount 1 mapcount 1 pincount 0 maybe-pinned anon exclusive
fork child
frame a @child a => different
frame a+1p @child a+1p => different   # needless copy: same 2 MiB
@child read a+1p => 0x01
unpin P
