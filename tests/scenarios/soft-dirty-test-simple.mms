require model
# soft-dirty.c, test_simple (three of its 10000 rounds), on the model
# with soft-dirty built in (the host has CONFIG_MEM_SOFT_DIRTY off): after
# clear_refs 4 the page is not soft-dirty; a store makes it soft-dirty.
profile soft_dirty=on
mmap map 1p rw- private
clear_refs 4
pagemap map => none
clear_refs 4
write map 1
pagemap map => present excl soft-dirty
clear_refs 4
pagemap map => present excl
clear_refs 4
write map 2
pagemap map => present excl soft-dirty
clear_refs 4
pagemap map => present excl
write map 3
pagemap map => present excl soft-dirty
