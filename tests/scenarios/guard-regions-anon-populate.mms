# Port of tools/testing/selftests/mm/guard-regions.c, variant anon (MAP_PRIVATE anonymous).
# MADV_POPULATE_READ/WRITE over guard markers fail with EFAULT.
mmap p 10p rw- private
madvise p 10p guard_install
madvise p 10p populate_read => EFAULT
madvise p 10p populate_write => EFAULT
munmap p 10p
