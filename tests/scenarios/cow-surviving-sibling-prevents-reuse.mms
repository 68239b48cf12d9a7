# Rule (mm/memory.c wp_can_reuse_anon_folio): a page still mapped by another
# process cannot be reused on a write fault; the writer gets a copy. With two
# children sharing the page, one exiting is not enough for the parent to reuse.
mmap a 1p rw- private
write a 0x11 1p
fork c1
fork c2
frame a @c1 a => same
frame a @c2 a => same
@c1 exit
write a 0x22 1p
frame a @c2 a => different
@c2 read a 1p => 0x11
pagemap a => present excl
