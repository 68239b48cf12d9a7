# mdwe_test.c, mdwe/stock/mprotect_WRITE_EXEC: making a writable mapping executable is refused under MDWE,
# without MDWE.
mmap p 1p -w- shared
mprotect p 1p -wx
