# Rule (mm/memory.c remap_pfn_range, get_remap_pgoff): a COW mapping must be
# remapped whole and gets vm_pgoff = the first PFN (maps shows it as the
# offset); a shared mapping keeps its file offset. (The model's /dev/mem
# offset 0 is the first frame of its I/O region, PFN 0x140000.)
require model
open m mem
mmap s 2p r-- shared file=m off=1p
mmap p 2p r-- private file=m off=1p
maps =>
| 100000000000-100000002000 r--s 00001000 /dev/mem
| 100040000000-100040002000 r--p 140001000 /dev/mem
