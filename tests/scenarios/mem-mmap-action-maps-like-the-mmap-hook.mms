# Rule (drivers/char/mem.c mmap_mem_prepare, 6.19; mm/util.c
# mmap_action_complete): under hook=mmap_action /dev/mem asks for
# MMAP_REMAP_PFN from ->mmap_prepare and the core maps the range once the
# VMA exists.  User space sees what the ->mmap hook gave it: the range is
# PAT-tracked, a COW mapping gets vm_pgoff = the first PFN, and a
# conflicting cache mode comes back as EAGAIN through the action's error
# hook (remap_pfn_range's own -EINVAL otherwise).
require model
design hook=mmap_action pat=vma-ctx
open a mem
open b mem cache=wc
mmap s 2p rw- shared file=a
mmap p 2p r-- private file=a off=1p
maps =>
| 100000000000-100000002000 rw-s 00000000 /dev/mem
| 100040000000-100040002000 r--p 140001000 /dev/mem
mmap t 2p rw- shared file=b off=1p => EAGAIN
memtype_list =>
| [mem 0x00000000-0x00002000] wb
| [mem 0x00001000-0x00003000] wb
munmap s 2p
munmap p 2p
mmap t 2p rw- shared file=b off=1p
memtype_list => [mem 0x00001000-0x00003000] wc
