# Port of tools/testing/selftests/mm/pfnmap.c "madvise_disallowed": on a
# PFN map of /dev/mem, advice that works on pages is refused with EINVAL.
# The scenario language has four of the test's eight advices
# (MADV_DONTNEED_LOCKED, FREE, COLD and PAGEOUT are not in it).
open m mem
mmap a 2p r-- shared file=m
touch a 2p r
madvise a 1p dontneed => EINVAL
madvise a 1p wipeonfork => EINVAL
madvise a 1p populate_read => EINVAL
madvise a 1p populate_write => EINVAL
touch a 1p r
