# Rule (mapping_wrprotect_range walks mapping->i_mmap): every shared
# mapping of the framebuffer - a child's after fork, a second mmap of the
# same file - is write-protected by one flush; a write through either
# relists the page. Both kinds.
require model
open k fbdefio pages=2
mmap a 2p rw- shared file=k
mmap c 2p rw- shared file=k
write a 0x11
fork child
@child write a 0x12
write c 0x13
defio_dirty a => 0
defio_flush a => 3
@child write a 0x14
defio_dirty a => 0
defio_flush a => 1
write c+1p 0x15
defio_flush a => 1
read a+1p => 0x15
open q fbdefio pages=2 kmemfb=on
mmap b 2p rw- shared file=q
mmap d 2p rw- shared file=q
write b 0x21
fork kid
@kid write b 0x22
write d 0x23
defio_flush b => 3
@kid read b => 0x23
@kid write b 0x24
defio_dirty b => 0
defio_flush d => 1
