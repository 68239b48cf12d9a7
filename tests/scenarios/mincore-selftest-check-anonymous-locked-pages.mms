# mincore_selftest.c, check_anonymous_locked_pages: a private anonymous
# page is not resident until touched, resident once written and locked,
# and not resident after munlock and MADV_DONTNEED.
mmap addr 1p rw- private
mincore addr 1p => 0
write addr 1
mlock addr 1p
mincore addr 1p => 1
munlock addr 1p
madvise addr 1p dontneed
mincore addr 1p => 0
