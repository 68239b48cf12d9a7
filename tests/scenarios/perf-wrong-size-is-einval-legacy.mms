# Rule (kernel/events/core.c perf_mmap): the ring is 1 + 2^n pages (a user
# page plus a power-of-two data area); 4 pages is not such a size: EINVAL.
# Design variant: design=legacy (fault + page_mkwrite with page->mapping/index
# faked on kernel pages, as before 6.15); user space must see the
# same, so this runs under diff against the host too.
design kernel=6.13   # model-only: perf is fault-based (legacy) in 6.13; the host runs pfnmap
open p perf
mmap r 4p rw- shared file=p => EINVAL
mmap r 2p rw- shared file=p
maps =>
| 100040000000-100040002000 rw-s 00000000 anon_inode:[perf_event]
