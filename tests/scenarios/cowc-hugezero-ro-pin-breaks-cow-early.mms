require model
# cow.c non-anon "R/O longterm GUP pin" with the huge zeropage: a R/O
# long-term pin of the huge zero folio in a COW mapping must unshare first
# (a new THP of the process's own), so a later write through the page table
# is seen through the pin and the other mapping still reads zeroes.
# Model-only: read-only long-term pins need gup_test (CONFIG_GUP_TEST),
# which the host lacks.
profile thp=madvise thp_2048k=always
mmap mem 2m rw- private
mmap smem 2m r-- private
madvise mem 2m hugepage
madvise smem 2m hugepage
read mem => 0
read smem => 0
folio_walk mem+1p => zero pmd
pin P mem 2m ro
counts mem+5p => refcount 513 mapcount 1 pincount 512 order 9 large 1 entire 1 maybe-pinned anon
smaps mem AnonHugePages => 2048 kB
write mem 0xff 2m
pin_read P => 0xff
read smem 2m => 0
unpin P
