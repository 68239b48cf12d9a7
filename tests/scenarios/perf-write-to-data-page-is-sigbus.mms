# Rule (kernel/events/core.c perf_mmap, perf_mmap_pfn_mkwrite): in a writable
# perf ring buffer only the first (user control) page may be written; a store
# to a data page faults and perf_mmap_pfn_mkwrite refuses it: SIGBUS.
open p perf
mmap r 3p rw- shared file=p
write r 0x00                   # user page: data_tail etc. live here
write r+1p 0x00 => SIGBUS
write r+2p 0x00 => SIGBUS
