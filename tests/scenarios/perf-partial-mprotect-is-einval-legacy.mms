# Rule (kernel/events/core.c perf_mmap_may_split): mprotect() of part of a
# perf ring buffer would split the VMA, which perf refuses: EINVAL.
# Design variant: design=legacy (fault + page_mkwrite with page->mapping/index
# faked on kernel pages, as before 6.15); user space must see the
# same, so this runs under diff against the host too.
design kernel=6.13   # model-only: perf is fault-based (legacy) in 6.13; the host runs pfnmap
open p perf
mmap r 3p rw- shared file=p
mprotect r+1p 2p r-- => EINVAL
mprotect r 1p r-- => EINVAL
maps =>
| 100000000000-100000003000 rw-s 00000000 anon_inode:[perf_event]
