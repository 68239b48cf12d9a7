# `design` alone lists every switch with its values and their labels
# (the kernel versions that have a value, or the proposal it comes from),
# '*' marking the current value; `design kernel=V` moves every switch to
# that kernel's mainline value; proposals combine with any kernel.
require model
design kernel=6.15 pins=pte-extra
design =>
| kernel 6.15
| perf (seed 000): the perf ring buffer's mmap (default of `open F perf`)
|   * pfnmap        Linux 6.14-
|     legacy        Linux 2.6.31-6.13
|     mixedmap      proposal: VM_MIXEDMAP asked for in seed 000's review; mmap_action_map_kernel_pages(), 'mm: expand mmap_prepare functionality and usage' v4, March 2026
|     pfnmap-aux-mutex fix: map_range() under rb->aux_mutex, tip perf/urgent July 2026, for stable (20260710093321.14764-1-jiajie.lee@starlabs.sg)
| hook (seed 000): which mmap hook the built-in drivers use
|   * mmap          Linux 1.0-6.15
|     mmap_prepare  Linux 6.16-6.18
|     mmap_action   Linux 6.19-
| defio (seed 001): fb_defio's write-protection at flush (default of `open F fbdefio`)
|     mkclean       Linux 2.6-6.14
|   * wrprotect     Linux 6.15-
|     kmemfb        proposal: FBINFO_KMEMFB, Michael Kelley, v3 May 2025 (objection: de0f2cb8-aed6-436f-b55e-d3f7b3fe6d81@redhat.com)
| walk (seed 002): folio_walk_start() and vm_normal_page*()
|   * pre-6.18      Linux 6.12-6.17
|     6.18          Linux 6.18-
|     early-reject  proposal: Peter Xu, 'mm/pagewalk: Check pfnmap early for folio_walk_start()', v1 06/19, Aug 2024 (seed 002)
| pins (seed 003): how a DMA pin is counted
|     bias          Linux 5.7-
|     shadow        proposal: John Hubbard, seed 003 (Dec 2021): an exact count in a second struct page
|     pmd           proposal: seed 003 (Dec 2021): a count per PMD's worth of pages, read from Nadav Amit's PMD-page pointer
|   * pte-extra     proposal: Nadav Amit, seed 003 (Dec 2021): extra PTEs hung off the page-table page
| historic (seed 003): GUP and COW before the CVE-2020-29374 fix
|   * current       Linux 5.8-
|     pre5.8        Linux 2.6-5.7
| pat (seed 004): where PAT tracking of remap_pfn_range() lives
|   * vm_pat        Linux 3.7-6.15
|     vma-ctx       Linux 6.16-
|     global        proposal: Peter Xu in seed 004, on 20250425081715.1341199-6-david@redhat.com
| guard: how guard regions mark their VMA
|   * anon-vma      Linux 6.13-6.18 (6.18.0)
|     maybe-guard   Linux 6.19-, backported to 6.18.y (the host's 6.18.44)
design mixed walk=6.18
design kernel=6.18
design pins=bias
