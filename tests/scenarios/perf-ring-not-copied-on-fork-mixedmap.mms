# Rule (kernel/events/core.c perf_mmap sets VM_DONTCOPY): the ring buffer is
# not inherited by fork(); the child has no VMA there.
# Design variant: design=mixedmap (vm_insert_pages() from the mmap_prepare
# action, page 0 mapped writable at once); user space must see the
# same, so this runs under diff against the host too.
design perf=mixedmap               # model-only: the host runs its own (pfnmap)
open p perf
mmap r 3p rw- shared file=p
fork child
@child maps =>
@child read r => SIGSEGV
maps =>
| 100000000000-100000003000 rw-s 00000000 anon_inode:[perf_event]
