# MADV_POPULATE_READ read-faults the range: on a shared memfd mapping the
# page-cache pages get mapped (Rss, pagemap present) with their contents
# unchanged.  (The whole VMA is populated, so fault-around cannot matter.)
memfd f 3p
pwrite f 0 0x42 3p
mmap m 3p r-- shared file=f
smaps m Rss => 0 kB
pagemap m+1p => none
madvise m 3p populate_read
smaps m Rss => 12 kB
pagemap m+1p => present file excl
pagemap m+2p => present file excl
read m 3p => 0x42
