require model
# soft-dirty.c, test_mprotect on a shared mapping of a regular file, on
# the model with soft-dirty built in: the store is soft-dirty; clear_refs
# clears it; mprotect read-only and back leaves it clear; the next store
# sets it.
profile soft_dirty=on
file f 1p
mmap map 1p rw- shared file=f
write map 1
pagemap map => present file excl soft-dirty
clear_refs 4
pagemap map => present file excl
mprotect map 1p r--
pagemap map => present file excl
mprotect map 1p rw-
pagemap map => present file excl
write map 2
pagemap map => present file excl soft-dirty
