# Model only: what a device reads through the pin (pin_read) has no host
# interface in the native agent.
require model
# cow.c anon #7 "R/O-mapping a page registered as iouring fixed buffer": a
# R/W long-term pin stays reliable when the PTE becomes read-only and
# writable again: the write fault reuses the pinned (exclusive) page.
profile soft_dirty=on
mmap a 1p rw- private
write a 0x01 1p
pin P a 1p
mprotect a 1p r--
clear_refs 4
mprotect a 1p rw-
entry a =>
| pgd present rw user accessed dirty pfn=table
| pud present rw user accessed dirty pfn=table
| pmd present rw user accessed dirty pfn=table
| pte present user accessed dirty nx pfn=ram
write a 0xff 1p
pin_read P => 0xff
