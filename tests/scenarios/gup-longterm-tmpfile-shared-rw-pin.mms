# gup_longterm.c "R/W longterm GUP pin in MAP_SHARED file mapping", its
# GUP-fast row and "io_uring fixed buffer with MAP_SHARED file mapping", on
# a tmpfile (and local tmpfile: both regular files on a disk filesystem, one
# kind in the model): a writable long-term pin (the host's io_uring buffer
# registration is one) must fail: the mapping needs dirty tracking
# (writable_file_mapping_allowed), EFAULT.
file f 1p
fallocate f 0 1p
mmap mem 1p rw- shared file=f
write mem 0 1p
pin P mem 1p => EFAULT
