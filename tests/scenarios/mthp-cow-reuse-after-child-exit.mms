require model
# 6.18's COW reuse of a PTE-mapped large folio (__wp_can_reuse_large_anon_
# folio()): once the child that shared an mTHP exits, the MM slots say only
# the parent maps it and every reference is a mapping's, so the parent's
# write fault reuses the folio in place (no copy).  A folio of which only
# one page is still mapped is not reused: that page is copied and the
# large folio can go.
profile thp_2048k=never thp_64k=always
mmap a 64k rw- private
write a 1 64k
fork c
counts a => refcount 32 mapcount 2 pincount 0 order 4 large 32 entire 0 anon maybe-shared
@c exit
counts a => refcount 16 mapcount 1 pincount 0 order 4 large 16 entire 0 anon
write a 2
counts a => refcount 16 mapcount 1 pincount 0 order 4 large 16 entire 0 anon exclusive
counts a+1p => refcount 16 mapcount 1 pincount 0 order 4 large 16 entire 0 anon
mmap b 64k rw- private
write b 1 64k
madvise b+1p 15p dontneed
fork d
@d exit
counts b => refcount 1 mapcount 1 pincount 0 order 4 large 1 entire 0 anon partially-mapped
write b 2
counts b => refcount 1 mapcount 1 pincount 0 anon exclusive
read b => 2
