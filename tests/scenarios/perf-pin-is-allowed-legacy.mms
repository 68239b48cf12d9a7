# Rule (mm/gup.c check_vma_flags): GUP refuses only VM_IO|VM_PFNMAP VMAs. The
# legacy perf design (before 6.15: fault + page_mkwrite, page->mapping/index
# faked) maps refcounted kernel pages into a VMA with neither flag, so a
# long-term pin succeeds - unlike the host (perf-pin-is-efault), whose
# remap_pfn_range() mapping is VM_PFNMAP|VM_IO.
require model
open p perf design=legacy
mmap r 3p rw- shared file=p
pin P r 1p
counts r => refcount 1026 mapcount 1 pincount 0 maybe-pinned
unpin P
