# Rule (fb_defio.c fb_deferred_io_work, mm/rmap.c mapping_wrprotect_range):
# the deferred I/O write-protects every listed page through the file rmap
# (no struct page needed: it is keyed by mapping, pgoff and pfn), writes
# the pages back and empties the list; the next write to a flushed page
# faults again and relists it - no write is ever missed. Both kinds.
require model
open k fbdefio pages=4
mmap a 4p rw- shared file=k
write a+1p 0x11
write a+3p 0x13
defio_dirty a => 1 3
defio_flush a => 2
defio_dirty a => none
defio_written a => 1 3
entry a+1p =>
| pgd present rw user accessed dirty pfn=table
| pud present rw user accessed dirty pfn=table
| pmd present rw user accessed dirty pfn=table
| pte present user accessed nx pfn=ram
read a+1p => 0x11
defio_flush a => 0
write a+1p 0x15
defio_dirty a => 1
defio_flush a => 1
defio_written a => 1 3 1
open q fbdefio pages=2 kmemfb=on
mmap b 2p rw- shared file=q
write b 0x21
defio_flush b => 1
entry b =>
| pgd present rw user accessed dirty pfn=table
| pud present rw user accessed dirty pfn=table
| pmd present rw user accessed dirty pfn=table
| pte present user accessed special nx pfn=ram
write b 0x22
defio_dirty b => 0
read b => 0x22
defio_written b => 0
