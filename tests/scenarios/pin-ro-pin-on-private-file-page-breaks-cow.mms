require model
# Rule (cow.c non-anon "R/O longterm GUP pin"; mm/gup.c gup_must_unshare): a
# R/O long-term pin of a page-cache page in a MAP_PRIVATE mapping breaks COW
# early (unshare -> anonymous copy), so a later write through the page table
# lands in the pinned page; the file is not modified.
memfd f 1p
pwrite f 0 0x01 1p
mmap view 1p r-- shared file=f
mmap p 1p rw- private file=f
read view => 0x01
read p => 0x01
frame p @main view => same
pin P p 1p ro
frame p @main view => different
pagemap p => present excl
write p 0xff 1p
read view 1p => 0x01
pread f 0 => 0x01
