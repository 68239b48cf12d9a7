require thp=madvise
# PR_SET_THP_DISABLE (Linux 6.18 kernel/sys.c, include/linux/huge_mm.h
# vma_thp_disabled()): the errnos of both prctls, smaps THPeligible under
# each state, the huge zero page on a read fault, /proc/PID/status
# THP_enabled, and a setting that can be changed and is passed on by fork.
prctl get_thp_disable => none
status THP_enabled => 1
# flags only when disabling, and only PR_THP_DISABLE_EXCEPT_ADVISED
prctl thp_enable except_advised => EINVAL
prctl thp_disable 1 => EINVAL
prctl thp_disable 6 => EINVAL
prctl thp_disable none 1 => EINVAL
prctl thp_disable none 0 1 => EINVAL
prctl get_thp_disable 1 => EINVAL
prctl get_thp_disable 0 0 0 1 => EINVAL
prctl get_thp_disable => none
mmap a 4m rw- private
mmap h 4m rw- private
madvise h 4m hugepage
smaps a THPeligible => 0
smaps h THPeligible => 1
# completely: nothing is eligible, not even an advised VMA
prctl thp_disable
prctl get_thp_disable => disabled
status THP_enabled => 0
smaps h THPeligible => 0
# (the huge zero folio would show as present file)
read h+2m => 0x00
pagemap h+2m => present
smaps h Rss => 0 kB
pagemap h+2m => present
madvise h+2m 2m collapse => EINVAL
# a new advice does not override it
madvise a 4m hugepage
smaps a THPeligible => 0
madvise a 4m nohugepage
# except_advised: advised VMAs are eligible again, the others not
prctl thp_disable except_advised
prctl get_thp_disable => disabled except_advised
status THP_enabled => 1
smaps h THPeligible => 1
smaps a THPeligible => 0
fork child
@child prctl get_thp_disable => disabled except_advised
@child smaps h THPeligible => 1
@child write h 0x01
@child smaps h AnonHugePages => 2048 kB
# the child's setting is its own
@child prctl thp_enable
@child prctl get_thp_disable => none
prctl get_thp_disable => disabled except_advised
# MADV_NOHUGEPAGE wins over the exception; MADV_COLLAPSE does not (EINVAL)
write a 0x01 2m
madvise a 2m collapse => EINVAL
munmap a 4m
mmap c 4m rw- private
write c+2m 0x01 2m
smaps c AnonHugePages => 0 kB
madvise c+2m 2m collapse
smaps c AnonHugePages => 2048 kB
# a read fault in a VMA the exception does not cover maps the small zero page
munmap h 4m
mmap z 4m rw- private
read z+2m => 0x00
pagemap z+2m => present
prctl thp_enable
smaps z THPeligible => 0
