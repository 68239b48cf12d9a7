require model
# soft-dirty.c, test_mprotect on private anonymous memory, on the model
# with soft-dirty built in: a written page is soft-dirty; clear_refs
# clears it; mprotect read-only and back to read-write leaves it clear
# (mprotect must not map the page writable again); the next store sets
# it.
profile soft_dirty=on
mmap map 1p rw- private
write map 1
pagemap map => present excl soft-dirty
clear_refs 4
pagemap map => present excl
mprotect map 1p r--
pagemap map => present excl
mprotect map 1p rw-
pagemap map => present excl
write map 2
pagemap map => present excl soft-dirty
