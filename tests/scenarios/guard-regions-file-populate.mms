# Port of tools/testing/selftests/mm/guard-regions.c, variant file (a tmpfile of 100 pages on a disk filesystem, MAP_SHARED).
# MADV_POPULATE_READ/WRITE over guard markers fail with EFAULT.
file f 100p
mmap p 10p rw- shared file=f
madvise p 10p guard_install
madvise p 10p populate_read => EFAULT
madvise p 10p populate_write => EFAULT
munmap p 10p
