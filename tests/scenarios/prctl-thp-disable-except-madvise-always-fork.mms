require model
# prctl_thp_disable.c, prctl_thp_disable_except_madvise/always/fork: PR_SET_THP_DISABLE with PR_THP_DISABLE_EXCEPT_ADVISED: THPs only where MADV_HUGEPAGE (and the global policy) or MADV_COLLAPSE asks;
# after PR_SET_THP_DISABLE 0 the global policy (thp=always) alone decides.
# The setting is made before fork and the child runs the checks: it inherits it.
# Each check maps 4 MiB, writes its aligned upper 2 MiB (advised before the
# write, or collapsed after it), makes that half a VMA of its own, and asks
# whether it is one PMD-mapped THP.
# Model-only: the host runs thp=madvise and a scenario may not change it;
# the selftest sets enabled=always (and the PMD size to inherit), as the
# profile line does.
profile thp=always thp_2048k=inherit
prctl thp_disable except_advised
fork child
@child prctl get_thp_disable => disabled except_advised
# no advice
@child mmap b0 4m rw- private
@child write b0+2m 0x01 2m
@child mprotect b0+2m 2m r--
@child smaps b0+2m AnonHugePages => 0 kB
@child munmap b0 4m
# nohugepage
@child mmap b1 4m rw- private
@child madvise b1+2m 2m nohugepage
@child write b1+2m 0x01 2m
@child mprotect b1+2m 2m r--
@child smaps b1+2m AnonHugePages => 0 kB
@child munmap b1 4m
# hugepage
@child mmap b2 4m rw- private
@child madvise b2+2m 2m hugepage
@child write b2+2m 0x01 2m
@child mprotect b2+2m 2m r--
@child smaps b2+2m AnonHugePages => 2048 kB
@child munmap b2 4m
# collapse
@child mmap b3 4m rw- private
@child write b3+2m 0x01 2m
@child madvise b3+2m 2m collapse
@child mprotect b3+2m 2m r--
@child smaps b3+2m AnonHugePages => 2048 kB
@child munmap b3 4m
# back to the global policy
@child prctl thp_enable
@child prctl get_thp_disable => none
# no advice
@child mmap b4 4m rw- private
@child write b4+2m 0x01 2m
@child mprotect b4+2m 2m r--
@child smaps b4+2m AnonHugePages => 2048 kB
@child munmap b4 4m
# nohugepage
@child mmap b5 4m rw- private
@child madvise b5+2m 2m nohugepage
@child write b5+2m 0x01 2m
@child mprotect b5+2m 2m r--
@child smaps b5+2m AnonHugePages => 0 kB
@child munmap b5 4m
# hugepage
@child mmap b6 4m rw- private
@child madvise b6+2m 2m hugepage
@child write b6+2m 0x01 2m
@child mprotect b6+2m 2m r--
@child smaps b6+2m AnonHugePages => 2048 kB
@child munmap b6 4m
# collapse
@child mmap b7 4m rw- private
@child write b7+2m 0x01 2m
@child madvise b7+2m 2m collapse
@child mprotect b7+2m 2m r--
@child smaps b7+2m AnonHugePages => 2048 kB
@child munmap b7 4m
