# Rule (fb_deferred_io_fault): a fault at an offset past the framebuffer
# is SIGBUS; the mapping itself may be longer. Both kinds.
require model
open k fbdefio pages=2
mmap a 3p rw- shared file=k
read a+2p => SIGBUS
write a+2p 0x11 => SIGBUS
write a+1p 0x11
defio_dirty a => 1
open q fbdefio pages=2 kmemfb=on
mmap b 3p rw- shared file=q
read b+2p => SIGBUS
write b+2p 0x11 => SIGBUS
defio_dirty b => none
