# Rule (mm/memory.c vm_insert_page, vm_map_pages): kernel pages inserted into
# a VMA make it VM_MIXEDMAP; their entries are not special, hold a reference
# and a mapcount, and vm_normal_page() returns them; pagemap walks the VMA
# (it is not VM_PFNMAP) and smaps counts them; GUP may pin them.
require model
open k kbuf pages=4
mmap a 4p rw- shared file=k
normal_page a => kernel
counts a => refcount 2 mapcount 1 pincount 0
pagemap a => present file excl
smaps a Rss => 16 kB
smaps a VmFlags => rd wr sh mr mw me ms de mm
write a+1p 0x33
pin P a 2p
unpin P
munmap a 4p
mmap b 2p r-- shared file=k off=2p
mmap c 1p r-- shared file=k off=3p
frame b+1p @main c => same
