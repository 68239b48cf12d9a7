# A driver maps a PFN beyond physical memory: refused, and reported by name.
require model
open f kbadpfn
mmap a 1p rw- shared file=f => EINVAL
