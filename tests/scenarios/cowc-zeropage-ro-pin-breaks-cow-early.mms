# Model only: the host pins through io_uring, which always pins writable
# (no R/O pin), and has no way to read what a device sees through a pin
# (pin_read).
require model
# cow.c non-anon "R/O longterm GUP pin" on the shared zeropage: the pin must not pin the zero page of a COW mapping; it
# unshares to an anon page, so a later write is seen through the pin.
mmap mem 1p rw- private
mmap smem 1p r-- private
read mem => 0
read smem => 0
pin P mem 1p ro
write mem 0xff 1p
pin_read P => 0xff
read smem 1p => 0
