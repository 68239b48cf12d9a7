require model
# Pins are counted the way the design said when they were taken, so the
# design (and the historic switch) may change only while nothing is pinned.
mmap a 1p rw- private
write a 0x01
pin P a 1p
design pins=shadow => EBUSY
design mixed historic=pre5.8 => EBUSY
design pins=bias
unpin P
design pins=shadow
pin P a 1p
counts a => refcount 2 mapcount 1 pincount 0 maybe-pinned anon exclusive
unpin P
design pins=bias historic=current
