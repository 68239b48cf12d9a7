# mdwe_test.c, mdwe/stock/mmap_WRITE_EXEC: a writable and executable mapping is refused under MDWE (EACCES),
# without MDWE.
mmap p 1p -wx shared
