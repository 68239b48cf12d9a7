# Rule (mm/memory.c vm_map_pages -> __vm_map_pages): the mapping, from vm_pgoff,
# must fit in the page array, else ENXIO.
require model
open k kbuf pages=4
mmap a 5p rw- shared file=k => ENXIO
mmap a 1p rw- shared file=k off=4p => ENXIO
mmap a 2p rw- shared file=k off=3p => ENXIO
mmap a 1p rw- shared file=k off=3p
open x kbuf pages=0 => EINVAL
open x kbuf color=blue => EINVAL
