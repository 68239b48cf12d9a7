require model
# soft-dirty.c, test_mprotect on a shared file mapping (a memfd for the
# test's file), on the model with soft-dirty built in.
profile soft_dirty=on
memfd f 1p
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
