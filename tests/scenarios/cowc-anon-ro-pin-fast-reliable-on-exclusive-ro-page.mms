# Model only: the host pins through io_uring, which always pins writable
# (no R/O pin), and has no way to read what a device sees through a pin
# (pin_read).
require model
# cow.c anon #14 "R/O GUP-fast pin on R/O-mapped exclusive page" (GUP-fast: the model has one GUP path; the rules are the same):
# mprotect(R), clear_refs 4, mprotect(RW) leaves an exclusive page mapped
# read-only; the later write fault must reuse, not copy, the pinned page.
profile soft_dirty=on
mmap a 1p rw- private
write a 0x01 1p
mprotect a 1p r--
clear_refs 4
mprotect a 1p rw-
pin P a 1p ro
write a 0xff 1p
pin_read P => 0xff
