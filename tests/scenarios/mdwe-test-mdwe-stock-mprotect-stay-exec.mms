# mdwe_test.c, mdwe/stock/mprotect_stay_EXEC: an executable mapping may stay executable,
# without MDWE.
mmap p 1p r-x shared
mprotect p 1p r-x
