# Rule (cow.c "R/O-mapping a page registered as iouring fixed buffer";
# mm/memory.c do_wp_page, PageAnonExclusive): a writable long-term pin keeps
# the page exclusive; after mprotect(r--) and back to rw-, a write must reuse
# the pinned page in place instead of copying it, or the pin would see stale
# data. (The language cannot remember a frame over time; the page staying
# "excl" and the write taking effect without a second fault is what is seen.)
mmap a 1p rw- private
write a 0x01 1p
pin P a 1p
mprotect a 1p r--
pagemap a => present excl
mprotect a 1p rw-
write a 0xff 1p
pagemap a => present excl
read a 1p => 0xff
fork child                      # still pinned: the child gets a copy
frame a @child a => different
@child read a 1p => 0xff
