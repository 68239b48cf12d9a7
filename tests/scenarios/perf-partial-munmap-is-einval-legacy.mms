# Rule (kernel/events/core.c perf_mmap_may_split): a perf ring-buffer VMA may
# not be split, so munmap() of part of it fails with EINVAL and the mapping
# stays whole; unmapping all of it works.
# Design variant: design=legacy (fault + page_mkwrite with page->mapping/index
# faked on kernel pages, as before 6.15); user space must see the
# same, so this runs under diff against the host too.
design kernel=6.13   # model-only: perf is fault-based (legacy) in 6.13; the host runs pfnmap
open p perf
mmap r 3p rw- shared file=p
munmap r+2p 1p => EINVAL
munmap r 1p => EINVAL
maps =>
| 100000000000-100000003000 rw-s 00000000 anon_inode:[perf_event]
munmap r 3p
maps =>
