# 11 - A device mapping: the perf ring buffer
#
# Not every mapping is ordinary memory. perf_event_open(2) returns a file
# descriptor whose mmap() gives a ring buffer shared with the kernel: one
# control page (the "user page": head/tail pointers) followed by 2^n data
# pages the kernel writes samples into. The driver (kernel/events/core.c,
# perf_mmap) decides what is allowed, and it is strict.
#
# "open p perf" opens a perf event (a software dummy event).

open p perf

# The length must be 1 + 2^n pages. 4 pages is not: EINVAL. (Every mmap
# without at= still uses up an arena slot, so the next one lands 1 GiB on.)
mmap bad 4p rw- shared file=p => EINVAL

# The ring must be MAP_SHARED: the point is to share it with the kernel.
mmap bad 3p rw- private file=p => EINVAL

# 1 + 2 pages: accepted. maps shows the anonymous inode behind the fd.
mmap r 3p rw- shared file=p
maps =>
| 100080000000-100080003000 rw-s 00000000 anon_inode:[perf_event]

# The kernel inserted all pages at mmap() time (remap_pfn_range: a VM_PFNMAP
# mapping with no struct-page bookkeeping). Reading works; the data pages of
# a fresh event are empty. pagemap does not walk PFN mappings: "none".
read r+1p 1p => 0
pagemap r+1p => none

# User space may write only the control page (to advance data_tail). The
# data pages are mapped read-only and a store is refused: SIGBUS.
write r+1p 0x00 => SIGBUS

# The VMA must stay in one piece: partial munmap or mprotect would split it,
# and perf refuses (vm_ops->may_split): EINVAL.
munmap r+2p 1p => EINVAL
mprotect r 1p r-- => EINVAL

# The ring is not inherited: perf marks it VM_DONTCOPY, so a child has no
# mapping there at all.
fork child
@child maps =>
@child read r => SIGSEGV

# Device mappings cannot be pinned for DMA: GUP refuses VM_PFNMAP|VM_IO
# VMAs, so a long-term pin fails with EFAULT.
pin P r 1p => EFAULT

# Unmapping the whole ring is fine.
munmap r 3p
maps =>
