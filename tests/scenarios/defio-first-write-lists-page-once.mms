# Rule (fb_defio.c fb_deferred_io_track_page): the first write to a
# framebuffer page after a flush faults (->page_mkwrite, or ->pfn_mkwrite
# for kmemfb) and puts the page on the dirty list; the entry is then
# writable, so further writes to that page do not fault and the page is
# listed once. Reads alone list nothing.
require model
open k fbdefio pages=4
mmap a 4p rw- shared file=k
read a+2p => 0x00
defio_dirty a => none
entry a+2p =>
| pgd present rw user accessed dirty pfn=table
| pud present rw user accessed dirty pfn=table
| pmd present rw user accessed dirty pfn=table
| pte present user accessed nx pfn=ram
write a+2p 0x11
defio_dirty a => 2
entry a+2p =>
| pgd present rw user accessed dirty pfn=table
| pud present rw user accessed dirty pfn=table
| pmd present rw user accessed dirty pfn=table
| pte present rw user accessed dirty nx pfn=ram
write a+8197 0x12
write a 0x13
defio_dirty a => 2 0
normal_page a => kernel
open q fbdefio pages=4 kmemfb=on
mmap b 4p rw- shared file=q
write b+1p 0x21
write b+4105 0x22
defio_dirty b => 1
normal_page b+1p => none
smaps b VmFlags => rd wr sh mr mw me ms pf io de dd
entry b+1p =>
| pgd present rw user accessed dirty pfn=table
| pud present rw user accessed dirty pfn=table
| pmd present rw user accessed dirty pfn=table
| pte present rw user accessed dirty special nx pfn=ram
read b+4105 => 0x22
