# A driver maps a page it no longer holds: mm_check names it.
require model
open f kstale
mmap a 1p rw- shared file=f
