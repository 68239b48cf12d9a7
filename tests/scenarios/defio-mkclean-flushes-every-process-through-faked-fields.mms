# Rule (Linux 2.6-6.14 fb_defio: ->fault sets page->mapping and
# page->index on the kernel page, the flush calls folio_mkclean(), whose
# file rmap walk follows them): every shared mapping of the framebuffer -
# a child's after fork, a second mmap - is write-protected by one flush
# and a write through either relists the page, exactly as with
# mapping_wrprotect_range() (defio-flush-wrprotects-every-process.mms).
# What differs is the fields written (mmsim report defio counts them).
require model
open k fbdefio pages=2 design=mkclean
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
