# Rule (kernel/events/core.c perf_mmap, perf_mmap_pfn_mkwrite): in a writable
# perf ring buffer only the first (user control) page may be written; a store
# to a data page faults and perf_mmap_pfn_mkwrite refuses it: SIGBUS.
# Design variant: design=legacy (fault + page_mkwrite with page->mapping/index
# faked on kernel pages, as before 6.15); user space must see the
# same, so this runs under diff against the host too.
design kernel=6.13   # model-only: perf is fault-based (legacy) in 6.13; the host runs pfnmap
open p perf
mmap r 3p rw- shared file=p
write r 0x00                   # user page: data_tail etc. live here
write r+1p 0x00 => SIGBUS
write r+2p 0x00 => SIGBUS
