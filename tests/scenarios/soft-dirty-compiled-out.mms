# soft-dirty.c's steps where soft-dirty is compiled out (the host, and
# the model by default): clear_refs 4 is accepted and changes nothing,
# no page and no VMA is ever soft-dirty, and nothing else is disturbed.
mmap map 1p rw- private
pagemap map => none
write map 1
clear_refs 4
pagemap map => present excl
mprotect map 1p r--
mprotect map 1p rw-
write map 2
pagemap map => present excl
smaps map VmFlags => rd wr mr mw me ac
pagemap_scan map 1p anyof=soft-dirty => 
| walk_end 100000001000
file f 1p
mmap fmap 1p rw- shared file=f
write fmap 1
clear_refs 4
mprotect fmap 1p r--
mprotect fmap 1p rw-
write fmap 2
pagemap fmap => present file excl
read fmap => 2
