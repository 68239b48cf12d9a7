# pagemap_ioctl.c, unmapped_region_tests: scanning where nothing is
# mapped is no error and finds nothing.  0x7d: every category but
# written, soft-dirty and guard.
pagemap_scan 0x10000000 0x40000 mask=0x7d return=0x7d =>
| walk_end 10040000
