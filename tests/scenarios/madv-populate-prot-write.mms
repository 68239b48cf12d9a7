# madv_populate.c, test_prot_write: in a write-only private mapping
# MADV_POPULATE_READ is EINVAL and MADV_POPULATE_WRITE works.
mmap addr 2m -w- private
madvise addr 2m populate_read => EINVAL
madvise addr 2m populate_write
