# gup_longterm.c "R/W longterm GUP pin in MAP_PRIVATE file mapping", its
# GUP-fast row and "io_uring fixed buffer with MAP_PRIVATE file mapping", on
# a tmpfile (and local tmpfile: both regular files on a disk filesystem, one
# kind in the model): a writable long-term pin (the host's io_uring buffer
# registration is one) must work: the write fault of the pin breaks COW
# first.
file f 1p
fallocate f 0 1p
mmap mem 1p rw- private file=f
write mem 0 1p
pin P mem 1p
unpin P
