# Rule (remap_pfn_range; vma_wants_writenotify false for VM_PFNMAP): a shared
# mapping of /dev/mem maps the frames themselves, writable at once; two
# mappings of one offset see each other's stores; nothing has a struct page.
require model
open m mem
mmap a 2p rw- shared file=m off=8p
mmap b 1p rw- shared file=m off=9p
write a+1p 0x77
read b => 0x77
normal_page b => none
write b 0x78
read a+1p => 0x78
frame a+1p @main b => absent      # pagemap, which frame uses, skips VM_PFNMAP
