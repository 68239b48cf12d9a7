# virtual_address_range.c on x86-64 with four-level paging: mappings
# without a hint fill the 47-bit address space, every one below 2^47;
# once it is full, a hint at 2^45 does not help (ENOMEM), and neither
# does any hint at 2^48 or above (the test's hint_addr()), since four
# levels have nothing above 2^47 - the test's second loop maps nothing.
#
# The test maps 1 GiB chunks one at a time (131072 of them); here two
# large mappings fill the space below the model's mmap base, then the
# top-down search has nothing left and mmap falls back to bottom-up from
# TASK_UNMAPPED_BASE, which finds the 64 GiB above the base.
#
# Model only: the host's agents run under RLIMIT_AS (the native guard's
# memory limit), so they cannot map 128 TiB, and the host's own mappings
# (the agent's code, stack, vsyscall) take part of the space.
require model
mmap_hint 0 0x3ff7ffff8000 r-- private => low
mmap_hint 0 0x3ff7ffff8000 r-- private => low
# below the mmap base: full; above it, 64 GiB less a page
mmap_hint 0 1g r-- private => low
mmap_hint 0 62g r-- private => low
mmap_hint 0 1g r-- private => ENOMEM
mmap_hint 0 0x3ffff000 r-- private => low
# full
mmap_hint 0x200000000000 1g r-- private => ENOMEM
mmap_hint 0x1000000000000 1g r-- private => ENOMEM
mmap_hint 0x4000000000000000 1g r-- private => ENOMEM
mmap_hint 0 1p r-- private => ENOMEM
