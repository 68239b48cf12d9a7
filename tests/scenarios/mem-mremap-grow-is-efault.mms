# Rule (mm/mremap.c vma_to_resize / resize checks): growing a VM_DONTEXPAND or
# VM_PFNMAP mapping fails with EFAULT; shrinking and moving work.
require model
open m mem
mmap s 4p rw- shared file=m off=1p
mremap s 4p 8p => EFAULT
mremap s 4p 2p
mremap s 2p 2p maymove to=0x100000100000
maps =>
| 100000100000-100000102000 rw-s 00001000 /dev/mem
