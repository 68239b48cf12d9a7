require model
# Seed 003's baseline: a large folio counts pins exactly in _pincount (one
# reference each), not with GUP_PIN_COUNTING_BIAS; folio_maybe_dma_pinned()
# reads _pincount > 0, so every page of a pinned THP looks pinned (the
# whole 2 MiB), while a small page nearby does not.  (Under a PMD only the
# first page carries PageAnonExclusive for the whole folio.)
profile thp=madvise
mmap a 4m rw- private
madvise a 2m hugepage
touch a 4m w
pin P a+3p 1p
pin Q a+3p 2p
counts a+3p => refcount 4 mapcount 1 pincount 3 order 9 large 1 entire 1 maybe-pinned anon
counts a+100p => refcount 4 mapcount 1 pincount 3 order 9 large 1 entire 1 maybe-pinned anon
counts a+2m => refcount 1 mapcount 1 pincount 0 anon exclusive
unpin Q
counts a+3p => refcount 2 mapcount 1 pincount 1 order 9 large 1 entire 1 maybe-pinned anon
unpin P
counts a => refcount 1 mapcount 1 pincount 0 order 9 large 1 entire 1 anon exclusive
