require model
# Rule (cow.c "R/O GUP pin on R/O-mapped exclusive page"; mm/memory.c
# do_wp_page): an exclusive anonymous page mapped read-only (mprotect r--)
# may be R/O-pinned without a copy; after mprotect rw- the write fault must
# reuse the pinned page (it is AnonExclusive), not copy it.
mmap a 1p rw- private
write a 0x01 1p
mprotect a 1p r--
pin P a 1p ro
pagemap a => present excl
mprotect a 1p rw-
write a 0xff 1p
pagemap a => present excl
read a 1p => 0xff
