# va_high_addr_switch.c, its 16 testcases[] rows in order, as x86-64
# with four-level paging answers them: user space ends one page below
# 2^47 (ADDR_SWITCH_HINT, 0x800000000000), so no hint there or above
# can be taken and MAP_FIXED there is ENOMEM. (The selftest's script
# runs it only with five-level paging, where the rows at and above 2^47
# map high; on this host they are what the kernel answers instead.)
# A row the test keeps mapped (keep_mapped) has no `unmap` here; every
# mapping is written through, as the test's memset() does. Results:
# `hint` at the hint, `low` elsewhere below 2^47.
#
# 1: ADDR_SWITCH_HINT - PAGE_SIZE, 1 page: the last page below 2^47 is
#    not user space (TASK_SIZE ends before it): placed low
mmap_hint 0x7ffffffff000 1p rw- private touch unmap => low
# 2: the same hint, 2 pages, would straddle 2^47: placed low
mmap_hint 0x7ffffffff000 2p rw- private touch unmap => low
# 3: ADDR_SWITCH_HINT, 1 page (five-level: exactly there): low
mmap_hint 0x800000000000 1p rw- private touch => low
# 4: ADDR_SWITCH_HINT, 2 pages, MAP_FIXED: beyond TASK_SIZE
mmap_hint 0x800000000000 2p rw- private,fixed touch unmap => ENOMEM
# 5: NULL: the kernel's choice, low
mmap_hint 0 2p rw- private touch unmap => low
# 6: LOW_ADDR (1 GiB), free: taken
mmap_hint 0x40000000 2p rw- private touch unmap => hint
# 7, 8: HIGH_ADDR (2^48) twice: ignored, low both times
mmap_hint 0x1000000000000 2p rw- private touch => low
mmap_hint 0x1000000000000 2p rw- private touch => low
# 9: HIGH_ADDR, MAP_FIXED: beyond TASK_SIZE
mmap_hint 0x1000000000000 2p rw- private,fixed touch unmap => ENOMEM
# 10, 11: (void *)-1 twice: ignored, low
mmap_hint 0xffffffffffffffff 2p rw- private touch => low
mmap_hint 0xffffffffffffffff 2p rw- private touch unmap => low
# 12, 13: ADDR_SWITCH_HINT - PAGE_SIZE again, 1 and 2 pages
mmap_hint 0x7ffffffff000 1p rw- private touch unmap => low
mmap_hint 0x7ffffffff000 2p rw- private touch => low
# 14: ADDR_SWITCH_HINT - PAGE_SIZE / 2, 2 pages: rounded down to the
#     page, then as row 13
mmap_hint 0x7ffffffff800 2p rw- private touch => low
# 15: ADDR_SWITCH_HINT, 1 page, again
mmap_hint 0x800000000000 1p rw- private touch unmap => low
# 16: ADDR_SWITCH_HINT, 2 pages, MAP_FIXED, again
mmap_hint 0x800000000000 2p rw- private,fixed touch unmap => ENOMEM
