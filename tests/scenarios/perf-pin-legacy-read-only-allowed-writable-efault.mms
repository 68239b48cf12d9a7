# Rule (mm/gup.c check_vma_flags): GUP refuses VM_IO|VM_PFNMAP VMAs, and
# since Linux 6.5 a writable long-term pin of a shared writable mapping
# that needs dirty tracking (writable_file_mapping_allowed: the driver
# has ->page_mkwrite).  The legacy perf design (before 6.15: fault +
# page_mkwrite, page->mapping/index faked) maps refcounted kernel pages
# into a VMA with neither flag, so a read-only long-term pin succeeds and
# a writable one is EFAULT - unlike the host (perf-pin-is-efault), whose
# remap_pfn_range() mapping is VM_PFNMAP|VM_IO.
require model
open p perf design=legacy
mmap r 3p rw- shared file=p
pin W r 1p => EFAULT
pin P r 1p ro
counts r => refcount 1026 mapcount 1 pincount 0 maybe-pinned
unpin P
