# Model only: the host pins through io_uring, which always pins writable
# (no R/O pin), and has no way to read what a device sees through a pin
# (pin_read).
require model
# cow.c anon #11 "R/O GUP pin on R/O-mapped previously-shared page":
# the page is R/O-mapped and not PageAnonExclusive but its only reference;
# the unshare fault reuses it, and the pin sees later writes.
mmap a 1p rw- private
write a 0x01 1p
fork child
@child exit
pin P a 1p ro
write a 0xff 1p
pin_read P => 0xff
