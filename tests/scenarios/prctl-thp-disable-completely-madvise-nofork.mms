require thp=madvise
# prctl_thp_disable.c, prctl_thp_disable_completely/madvise/nofork: PR_SET_THP_DISABLE: no THP at all, whatever the advice; MADV_COLLAPSE fails with EINVAL;
# after PR_SET_THP_DISABLE 0 the global policy (thp=madvise) alone decides.
# Each check maps 4 MiB, writes its aligned upper 2 MiB (advised before the
# write, or collapsed after it), makes that half a VMA of its own, and asks
# whether it is one PMD-mapped THP.
prctl thp_disable
prctl get_thp_disable => disabled
# no advice
mmap b0 4m rw- private
write b0+2m 0x01 2m
mprotect b0+2m 2m r--
smaps b0+2m AnonHugePages => 0 kB
munmap b0 4m
# nohugepage
mmap b1 4m rw- private
madvise b1+2m 2m nohugepage
write b1+2m 0x01 2m
mprotect b1+2m 2m r--
smaps b1+2m AnonHugePages => 0 kB
munmap b1 4m
# hugepage
mmap b2 4m rw- private
madvise b2+2m 2m hugepage
write b2+2m 0x01 2m
mprotect b2+2m 2m r--
smaps b2+2m AnonHugePages => 0 kB
munmap b2 4m
# collapse
mmap b3 4m rw- private
write b3+2m 0x01 2m
madvise b3+2m 2m collapse => EINVAL
mprotect b3+2m 2m r--
smaps b3+2m AnonHugePages => 0 kB
munmap b3 4m
# back to the global policy
prctl thp_enable
prctl get_thp_disable => none
# no advice
mmap b4 4m rw- private
write b4+2m 0x01 2m
mprotect b4+2m 2m r--
smaps b4+2m AnonHugePages => 0 kB
munmap b4 4m
# nohugepage
mmap b5 4m rw- private
madvise b5+2m 2m nohugepage
write b5+2m 0x01 2m
mprotect b5+2m 2m r--
smaps b5+2m AnonHugePages => 0 kB
munmap b5 4m
# hugepage
mmap b6 4m rw- private
madvise b6+2m 2m hugepage
write b6+2m 0x01 2m
mprotect b6+2m 2m r--
smaps b6+2m AnonHugePages => 2048 kB
munmap b6 4m
# collapse
mmap b7 4m rw- private
write b7+2m 0x01 2m
madvise b7+2m 2m collapse
mprotect b7+2m 2m r--
smaps b7+2m AnonHugePages => 2048 kB
munmap b7 4m
