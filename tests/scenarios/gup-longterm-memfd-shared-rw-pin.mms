# gup_longterm.c "R/W longterm GUP pin in MAP_SHARED file mapping", its
# GUP-fast row and "io_uring fixed buffer with MAP_SHARED file mapping", on
# a memfd: a writable long-term pin (the host's io_uring buffer registration
# is one) must work: shmem needs no dirty tracking.
memfd f 1p
fallocate f 0 1p
mmap mem 1p rw- shared file=f
write mem 0 1p
pin P mem 1p
unpin P
