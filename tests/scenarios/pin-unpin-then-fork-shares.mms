# Rule (mm/memory.c folio_needs_cow_for_dma): once the pin is released the
# page is no longer maybe-DMA-pinned, and fork() shares it COW as usual.
mmap a 1p rw- private
write a 0x01 1p
pin P a 1p
unpin P
fork child
frame a @child a => same
write a 0xff 1p
frame a @child a => different
@child read a 1p => 0x01
