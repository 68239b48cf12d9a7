require model
# bias and shadow designs tell pages apart: fork copies the pinned page and
# COW-shares its unpinned neighbour (contrast the pmd design's scenario).
mmap a 2p rw- private
write a 0x01 2p
pin P a 1p
fork child
frame a @child a => different
frame a+1p @child a+1p => same
unpin P
design pins=shadow
pin Q a 1p
counts a+1p => refcount 2 mapcount 2 pincount 0 anon
fork child2
frame a @child2 a => different
frame a+1p @child2 a+1p => same
