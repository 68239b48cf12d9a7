# MADV_COLLAPSE over several 2 MiB ranges: a range whose PMD entry is
# empty in an existing PMD table (SCAN_PMD_NONE) ends the call there with
# EINVAL, and the ranges after it are not collapsed; a range with no PMD
# table at all (SCAN_PMD_NULL: its PUD entry is empty) or with extra
# references on a page (SCAN_PAGE_COUNT) only fails itself, and the call
# goes on (madvise_collapse() and find_pmd_or_thp_or_none(), Linux 6.18).
# Found porting khugepaged.c.  Host-verified.
require thp=madvise
mmap x 4m rw- private
write x+2m 1 2m
madvise x 4m collapse => EINVAL
smaps x AnonHugePages => 0 kB
madvise x+2m 2m collapse => ok
smaps x AnonHugePages => 2048 kB
mmap y 6m rw- private
write y 1 2m
pin P y+1p 1p
write y+4m 2 2m
madvise y 6m collapse => EINVAL
smaps y AnonHugePages => 0 kB
unpin P
mmap w 6m rw- private
write w 1 2m
pin Q w+1p 1p
write w+2m 2 4m
madvise w 6m collapse => EAGAIN
smaps w AnonHugePages => 4096 kB
unpin Q
read w+2m 4m => 2
# across a 1 GiB boundary: nothing else maps the first 1 GiB, so its
# 2 MiB has no PMD table and the call goes on to the next range
mmap z 4m rw- private at=0x1003ffe00000
write z+2m 3 2m
madvise z 4m collapse => EINVAL
smaps z AnonHugePages => 2048 kB
read z+2m 2m => 3
