# Rule (kernel/events/core.c map_range, rb_alloc_aux; the 2026 fix
# 20260710093321.14764-1-jiajie.lee@starlabs.sg): two events share one
# ring (PERF_EVENT_IOC_SET_OUTPUT), each with its own mmap_mutex.  Event a
# mmaps its AUX area: rb_alloc_aux() allocates and counts the AUX pages,
# and only then sets rb->aux_pgoff.  If event b maps the ring in between,
# perf_mmap_to_page(rb, 0) sees aux_nr_pages = 2 with aux_pgoff still 0
# and hands out an AUX page for b's user page, mapped as a PFN map
# without a reference; when the AUX area is unmapped the page is freed
# and b still maps it.  The fix takes rb->aux_mutex in map_range(), so
# b's mmap waits for rb_alloc_aux() (here: completes it first) and gets
# its own user page.  The racy order runs as explicit steps; under
# `design perf=pfnmap` (6.14-6.19) mm_check stops at the AUX munmap with
# "perf entry ... no page of its ring buffer" (tests/unit/test_perf_aux.c; mmsim
# compare shows both).  Model only: the steps cannot be forced on a host.
require model
design perf=pfnmap-aux-mutex
open a perf id=1
open b perf output=1
mmap ra 3p rw- shared file=a
perf_aux_begin ra 4 2
mmap rb 3p rw- shared file=b
perf_aux_end ra
mmap aux 2p r-- shared file=a off=4p
rmap rb =>
| frame pfn 0xffd02 special refcount 1 mapcount 0
| @main vma 100000000000-100000003000 rw-s entry pte 100000000000 ro
| @main vma 100040000000-100040003000 rw-s entry pte 100040000000 ro
munmap aux 2p
read rb => 0x00
perf_aux_end ra => EINVAL
