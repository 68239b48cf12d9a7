# mdwe_test.c, mdwe/stock/mprotect_add_EXEC: making a mapping executable is refused under MDWE,
# without MDWE.
mmap p 1p r-- shared
mprotect p 1p r-x
