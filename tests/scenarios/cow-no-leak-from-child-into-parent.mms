# Rule (mm/memory.c do_wp_page): a write by the child to a COW-shared private
# anonymous page gives the child its own copy; the parent keeps the original.
mmap a 1p rw- private
write a 0x01 1p
fork child
@child write a 0xff 1p
@child read a 1p => 0xff
read a 1p => 0x01
frame a @child a => different
