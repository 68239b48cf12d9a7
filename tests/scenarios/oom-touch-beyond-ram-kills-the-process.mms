# Rule (mm/oom_kill.c, mm/page_alloc.c __alloc_pages_may_oom): when RAM
# runs out in a page fault, the OOM killer kills the process that would
# free the most (its RSS, swap entries and page tables) with SIGKILL.
# Here the only process touches twice the machine's RAM: it is killed.
#
# Model-only: the host's RAM is its own (and the native agents run under
# a memory limit, so a host scenario stops at that limit instead).
require model
machine ram=16m
mmap a 32m rw- private
touch a 32m w => SIGKILL
