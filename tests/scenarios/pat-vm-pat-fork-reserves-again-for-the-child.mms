# Rule (Linux 3.7-6.15, kernel/fork.c dup_mmap, memtype.c track_pfn_copy):
# the child's VMA loses VM_PAT, then copy_page_range() reserves the
# parent VMA's range again, strictly, with the cache mode read from the
# first entry: two entries of one type; each process frees its own.  In
# 6.16+ both share one pfnmap_track_ctx and one entry (see
# pat-fork-shares-the-tracking.mms).  Model only (the host runs 6.18).
require model
design kernel=6.15
open m mem cache=uc
mmap s 2p rw- shared file=m off=2p
fork c
memtype_list =>
| [mem 0x00002000-0x00004000] uc
| [mem 0x00002000-0x00004000] uc
@c smaps s VmFlags => rd wr sh mr mw me ms pf io ar de dd
@c exit
memtype_list => [mem 0x00002000-0x00004000] uc
munmap s 2p
memtype_list => none
