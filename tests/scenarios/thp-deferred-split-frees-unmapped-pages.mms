require model
# Unmapping part of a THP splits the PMD but not the folio: the folio is
# queued for the deferred split (partially mapped) and its unmapped pages
# stay allocated until the shrinker runs (deferred_split_scan, under memory
# pressure in the kernel).  Then it becomes small folios, its unmapped
# pages are freed and its zero-filled pages become the shared zero page
# (since 6.12).  A pin keeps a folio from being split.
profile thp=madvise thp_2048k=always
mmap a 4m rw- private
madvise a 4m hugepage
touch a 4m w
write a+1p 9 1p
write a+2m 7 2m
munmap a+1m 1m
counts a => refcount 256 mapcount 1 pincount 0 order 9 large 256 entire 0 anon exclusive partially-mapped
smaps a Rss => 1024 kB
pin P a+517p 1p
munmap a+3m 1m
deferred_split_scan => 1
counts a+1p => refcount 1 mapcount 1 pincount 0 anon exclusive
read a+1p => 9
normal_page a => none
normal_page a+255p => none
read a+255p => 0
smaps a Rss => 4 kB
counts a+2m => refcount 257 mapcount 1 pincount 1 order 9 large 256 entire 0 maybe-pinned anon exclusive partially-mapped
unpin P
deferred_split_scan => 1
counts a+2m => refcount 1 mapcount 1 pincount 0 anon exclusive
read a+517p => 7
