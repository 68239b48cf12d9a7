# Rule (mm/memory.c copy_pte_range): fork walks the source and the
# destination page tables in step, so an entry after a hole lands at its
# own address in the child.  Found by `mmsim stress` (an fb_defio kmemfb
# mapping lost writes through a child's misplaced writable entry); here
# with anonymous memory: page 3 must be the child's page 3.
mmap a 5p rw- private
write a+3p 0x33
write a 0x11
fork child
frame a+3p @child a+3p => same
frame a @child a => same
@child read a+1p => 0x00
@child read a+3p => 0x33
@child write a+3p 0x44
read a+3p => 0x33
pagemap a+1p => none
