# Rule (mm/memory.c copy_present_page, folio_needs_cow_for_dma): as long as a
# page may be DMA-pinned, every fork() copies it for the new child; the
# children share neither with the parent nor with each other, and the parent's
# page stays exclusive so its later write faults nothing in.
mmap a 1p rw- private
write a 0x01 1p
pin P a 1p
fork c1
fork c2
frame a @c1 a => different
frame a @c2 a => different
@c1 frame a @c2 a => different
write a 0x02
pagemap a => present excl
@c1 read a => 0x01
@c2 read a => 0x01
