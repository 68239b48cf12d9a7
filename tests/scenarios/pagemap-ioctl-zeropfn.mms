# pagemap_ioctl.c, zeropfn_tests (newer than 6.18's copy of the test),
# the base-page case: ten read-only private pages, each read, map the
# shared zero page: one region of ten PFNZERO pages.  (The second case
# needs the huge zero page.)
mmap mem 10p r-- private
touch mem 10p r
pagemap_scan mem 10p vec_len=1 max_pages=10 mask=pfnzero return=pfnzero =>
| 100000000000-10000000a000 pfnzero
| walk_end 10000000a000
