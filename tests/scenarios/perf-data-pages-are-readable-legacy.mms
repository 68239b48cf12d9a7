# Rule (kernel/events/core.c perf_mmap -> map_range): since 6.15 the whole
# ring is remap_pfn_range()d into a VM_PFNMAP VMA at mmap() time; reading any
# data page works without a fault handler, and a fresh dummy event's data
# pages are zeroes. pagemap's page walk skips VM_PFNMAP VMAs
# (mm/pagewalk.c walk_page_test), so the pages show no bits at all.
# Design variant: design=legacy (fault + page_mkwrite with page->mapping/index
# faked on kernel pages, as before 6.15); differs: see below.
require model
open p perf design=legacy
mmap r 3p rw- shared file=p
read r+1p 1p => 0
read r+8292 => 0                # r + 2p + 100
pagemap r+1p => present file excl   # differs from the host: not VM_PFNMAP, so pagemap walks it
