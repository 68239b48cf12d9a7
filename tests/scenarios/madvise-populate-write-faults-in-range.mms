# MADV_POPULATE_WRITE write-faults every page of the range: Rss covers the
# range and every page is present and exclusive.
mmap a 4p rw- private
madvise a+1p 2p populate_write
smaps a Rss => 8 kB
pagemap a => none
pagemap a+1p => present excl
pagemap a+2p => present excl
pagemap a+3p => none
