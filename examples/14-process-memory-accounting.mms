# 14 - a process's memory as a whole: /proc/PID/status, statm and
# smaps_rollup
#
# smaps speaks per VMA; status (task_mem()), statm (task_statm()) and
# smaps_rollup sum the whole process, from the mm's counters. On the host
# a scenario process is an agent with code, heap and stack of its own, so
# whole-process sizes are compared as differences from a baseline taken
# with `proc_mark`: after it, `+8 kB` means eight more kilobytes than at
# the mark. (The agent's own memory is shared with a forked child too, so
# a process takes its mark again after a fork.)

proc_mark
mmap a 4p rw- private
# The address space grew by 16 kB; nothing is resident yet.
status VmSize => +16 kB
status VmRSS => +0 kB
statm size => +4                  # statm counts pages
touch a 2p w
status RssAnon => +8 kB
statm resident => +2
smaps_rollup Anonymous => +8 kB
smaps_rollup Private_Dirty => +8 kB

# After fork both processes map the two pages: each counts them in its
# RSS, and the proportional set size (Pss) splits each page between them.
fork child
proc_mark
@child proc_mark
# A write in the parent copies one page: the copy is the parent's alone
# and the original the child's alone, so on each side that page's Pss
# goes from half a page (2 kB) to a whole one.
write a 0x11
smaps_rollup Pss_Anon => +2 kB
@child smaps_rollup Pss_Anon => +2 kB
smaps_rollup Private_Dirty => +4 kB
@child status RssAnon => +0 kB
