# Port of tools/testing/selftests/mm/guard-regions.c, variant shmem (a memfd of 100 pages, MAP_SHARED).
# PAGEMAP_SCAN with the guard category finds nothing in a fresh mapping
# and, after every other page is guarded, five one-page regions that
# are each only `guard`.
memfd f 100p
mmap p 10p rw- shared file=f
pagemap_scan p 10p anyof=guard return=guard vec_len=10 =>
| walk_end 10000000a000
madvise p+0p 1p guard_install
madvise p+2p 1p guard_install
madvise p+4p 1p guard_install
madvise p+6p 1p guard_install
madvise p+8p 1p guard_install
pagemap_scan p 10p anyof=guard return=guard vec_len=10 =>
| 100000000000-100000001000 guard
| 100000002000-100000003000 guard
| 100000004000-100000005000 guard
| 100000006000-100000007000 guard
| 100000008000-100000009000 guard
| walk_end 10000000a000
munmap p 10p
