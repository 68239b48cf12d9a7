require model
# soft-dirty.c, test_hugepage (three of its rounds), on the model with
# soft-dirty built in (the host has CONFIG_MEM_SOFT_DIRTY off): a THP
# written whole is soft-dirty; clear_refs 4 clears the bit in its PMD
# (and write-protects it), and the next store sets it again - on every
# page of the THP, which stays PMD-mapped throughout.
profile soft_dirty=on thp=madvise thp_2048k=inherit
mmap map 2m rw- private
madvise map 2m hugepage
write map 0 2m
smaps map AnonHugePages => 2048 kB
pagemap map => present excl soft-dirty
clear_refs 4
pagemap map => present excl
pagemap map+511p => present excl
write map+100p 1
pagemap map => present excl soft-dirty
pagemap map+511p => present excl soft-dirty
clear_refs 4
pagemap map+511p => present excl
write map 2
pagemap map+511p => present excl soft-dirty
clear_refs 4
pagemap map => present excl
write map 3
pagemap map => present excl soft-dirty
smaps map AnonHugePages => 2048 kB
