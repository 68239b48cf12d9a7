# Rule (kernel/events/core.c perf_mmap): the ring buffer must be mapped
# MAP_SHARED (VM_SHARED required); a private mapping fails with EINVAL.
# Design variant: design=legacy (fault + page_mkwrite with page->mapping/index
# faked on kernel pages, as before 6.15); user space must see the
# same, so this runs under diff against the host too.
design kernel=6.13   # model-only: perf is fault-based (legacy) in 6.13; the host runs pfnmap
open p perf
mmap r 3p rw- private file=p => EINVAL
mmap r 3p r-- private file=p => EINVAL
maps =>
