# Rule (cow.c "Basic COW after fork() with mprotect() optimization"):
# mprotect(RW) may map a page writable right away only if it is exclusive
# (can_change_pte_writable); a COW-shared anonymous page must stay
# write-protected, so the parent's later write still copies.
mmap a 1p rw- private
write a 0x01 1p
fork child
mprotect a 1p r--
mprotect a 1p rw-
write a 0xff 1p
@child read a 1p => 0x01
read a 1p => 0xff
frame a @child a => different
