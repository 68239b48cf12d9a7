# process_madv.c, remote_collapse: a child faults in 4 MiB of base pages
# (THP in madvise mode, no MADV_HUGEPAGE); its parent collapses the first
# 2 MiB through a pidfd with process_madvise(MADV_COLLAPSE), which returns
# the bytes advised.  The test checks only the result; here the child's
# smaps also shows the THP, and the contents are kept.
require thp=madvise thp_2048k=inherit
fork child
@child mmap map 4m rw- private
@child touch map 4m w
@child write map 0x41 4m
@child smaps map AnonHugePages => 0 kB
pidfd pf @child
process_madvise pf collapse map 2m => 2097152
@child smaps map AnonHugePages => 2048 kB
@child read map 2m => 0x41
@child read map+2m 2m => 0x41
