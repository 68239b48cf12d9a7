# Rule (mm/gup.c, FOLL_WRITE breaks COW; mm/memory.c do_wp_page): taking a
# writable long-term pin on a COW-shared page breaks COW first, so the pin
# refers to a page exclusive to the pinning process; the child keeps the old.
mmap a 1p rw- private
write a 0x01 1p
fork child
frame a @child a => same
pin P a 1p
frame a @child a => different
pagemap a => present excl
write a 0xff 1p
@child read a 1p => 0x01
