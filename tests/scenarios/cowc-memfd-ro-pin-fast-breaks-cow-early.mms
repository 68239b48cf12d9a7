# Model only: the host pins through io_uring, which always pins writable
# (no R/O pin), and has no way to read what a device sees through a pin
# (pin_read).
require model
# cow.c non-anon "R/O longterm GUP-fast pin" on a memfd (the model has
# one GUP path): a R/O long-term pin of a page-cache page in a COW mapping
# breaks COW first (unshare to an anon copy); later writes are seen through
# the pin and never reach the file.
memfd f 1p
pwrite f 0 0x01 4096
mmap mem 1p rw- private file=f
mmap smem 1p r-- shared file=f
read mem => 0x01
pin P mem 1p ro
normal_page mem => anon
write mem 0xff 1p
pin_read P => 0xff
read smem 1p => 0x01
