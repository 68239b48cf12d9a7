# Port of tools/testing/selftests/mm/pfnmap.c "madvise_disallowed": on a
# PFN map of /dev/mem, advice that works on pages is refused with EINVAL
# and the mapping stays readable.  Seven of the test's eight advices; the
# language has no MADV_DONTNEED_LOCKED (nor does the model implement it).
# The host has no /dev/mem (CONFIG_DEVMEM off), so the native backend
# skips this, as the test itself does there.
open m mem
mmap a 2p r-- shared file=m
touch a 2p r
madvise a 1p dontneed => EINVAL
madvise a 1p free => EINVAL
madvise a 1p wipeonfork => EINVAL
madvise a 1p cold => EINVAL
madvise a 1p pageout => EINVAL
madvise a 1p populate_read => EINVAL
madvise a 1p populate_write => EINVAL
touch a 1p r
