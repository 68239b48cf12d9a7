# Model only: the host pins through io_uring, which always pins writable
# (no R/O pin), and has no way to read what a device sees through a pin
# (pin_read).
require model
# cow.c anon #9 "R/O GUP pin on R/O-mapped shared page":
# a R/O long-term pin of a COW-shared page unshares it first, so the pin
# sees the pinning process's later writes.
mmap a 1p rw- private
write a 0x01 1p
fork child
pin P a 1p ro
write a 0xff 1p
pin_read P => 0xff
@child read a 1p => 0x01
