# gup_longterm.c "R/O longterm GUP pin in MAP_PRIVATE file mapping" and its
# GUP-fast row (the model has one GUP path), on a memfd: a read-only
# long-term pin of a page mapped read-only always works.
# Model only: the host pins through io_uring, which always pins writable.
require model
memfd f 1p
fallocate f 0 1p
mmap mem 1p rw- private file=f
write mem 0 1p
mprotect mem 1p r--
pin P mem 1p ro
unpin P
