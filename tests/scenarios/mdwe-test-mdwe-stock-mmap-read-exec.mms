# mdwe_test.c, mdwe/stock/mmap_READ_EXEC: a readable and executable shared anonymous mapping is allowed,
# without MDWE.
mmap p 1p r-x shared
