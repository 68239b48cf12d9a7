require model
# MADV_FREE, MADV_COLD and MADV_PAGEOUT on mTHPs (PTE-mapped large folios
# below PMD size): a range covering a whole folio advises it as one -
# lazily freed, deactivated, and for pageout dropped when clean and lazily
# freed, or (swap-backed, no swap) split; a range covering part of a folio
# splits it first, mapping its zero-filled pages to the zero page.  A
# folio shared with a child is left alone.  Model-only: the host has every
# mTHP size off.
profile thp_2048k=never thp_64k=always
mmap a 2m rw- private
touch a 256k w
write a+1p 1 1p
write a+17p 2 1p
write a+33p 3 1p
write a+49p 4 1p
counts a => refcount 16 mapcount 1 pincount 0 order 4 large 16 entire 0 anon exclusive
madvise a 64k free
smaps a LazyFree => 64 kB
counts a => refcount 16 mapcount 1 pincount 0 order 4 large 16 entire 0 anon exclusive
madvise a+64k 8p free
counts a+16p => refcount 1 mapcount 0 pincount 0
counts a+17p => refcount 1 mapcount 1 pincount 0 anon exclusive
smaps a Rss => 196 kB
smaps a LazyFree => 68 kB
madvise a 64k pageout
smaps a Rss => 132 kB
read a+1p => 0x00
madvise a+128k 64k cold
smaps a Referenced => 64 kB
counts a+32p => refcount 16 mapcount 1 pincount 0 order 4 large 16 entire 0 anon exclusive
madvise a+128k 64k pageout
counts a+33p => refcount 1 mapcount 1 pincount 0 anon exclusive
normal_page a+32p => none
read a+33p => 0x03
fork c
madvise a+192k 4p free
madvise a+192k 64k pageout
counts a+48p => refcount 32 mapcount 2 pincount 0 order 4 large 32 entire 0 anon maybe-shared
@c exit
madvise a+192k 4p cold
counts a+48p => refcount 1 mapcount 0 pincount 0
counts a+49p => refcount 1 mapcount 1 pincount 0 anon
smaps a Rss => 12 kB
