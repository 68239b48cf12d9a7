# Rule (kernel/events/core.c perf_mmap_may_split): mprotect() of part of a
# perf ring buffer would split the VMA, which perf refuses: EINVAL.
# Design variant: design=mixedmap (vm_insert_pages() from the mmap_prepare
# action, page 0 mapped writable at once); user space must see the
# same, so this runs under diff against the host too.
design perf=mixedmap               # model-only: the host runs its own (pfnmap)
open p perf
mmap r 3p rw- shared file=p
mprotect r+1p 2p r-- => EINVAL
mprotect r 1p r-- => EINVAL
maps =>
| 100000000000-100000003000 rw-s 00000000 anon_inode:[perf_event]
