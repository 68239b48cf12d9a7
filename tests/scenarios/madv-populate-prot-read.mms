# madv_populate.c, test_prot_read: in a read-only private mapping
# MADV_POPULATE_READ works and MADV_POPULATE_WRITE is EINVAL.
mmap addr 2m r-- private
madvise addr 2m populate_read
madvise addr 2m populate_write => EINVAL
