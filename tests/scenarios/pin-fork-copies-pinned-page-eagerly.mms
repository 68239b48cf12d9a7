# Rule (cow.c "fork() with an iouring fixed buffer"; mm/memory.c
# copy_present_page, folio_needs_cow_for_dma): fork() must not COW-share a
# page that may be DMA-pinned; it copies it for the child at fork time, so the
# parent keeps the pinned page mapped writable and exclusive, and a later
# parent write lands in the pinned page itself.
mmap a 1p rw- private
write a 0x01 1p
pin P a 1p
fork child
frame a @child a => different   # copied eagerly, right at fork
pagemap a => present excl
@child read a 1p => 0x01
write a 0xff 1p
@child read a 1p => 0x01
read a 1p => 0xff
