# VmHWM and VmPeak: the larger of the high-water mark and the current
# value. The marks are raised only when RSS or total_vm is about to be
# lowered (a zap, a munmap), clear_refs 5 resets VmHWM to the current
# RSS, and a child's marks start at what fork gave it.
#
# Model only: on the host the kernel raises the RSS mark from its
# approximate per-CPU counters (update_hiwater_rss reads get_mm_counter,
# which misses up to a batch of 32 pages per CPU that have not been
# folded in), so VmHWM there trails small changes; the model's counters
# are exact.
require model
proc_mark
mmap a 8p rw- private
touch a 8p w
status VmHWM => +32 kB                  # current RSS, above the mark
madvise a 4p dontneed
status VmRSS => +16 kB
status VmHWM => +32 kB                  # raised before the zap
clear_refs 5
status VmHWM => +16 kB
touch a 2p w
status VmHWM => +24 kB
munmap a 8p
status VmHWM => +24 kB
status VmPeak => +32 kB
status VmSize => +0 kB
mmap b 2p rw- private
touch b 2p w
fork child
# no mark in the child: its values as they are, its peaks its own
@child status VmHWM => 8 kB
@child status VmPeak => 8 kB
@child munmap b 2p
@child status VmRSS => 0 kB
@child status VmHWM => 8 kB
@child status VmPeak => 8 kB
status VmPeak => +32 kB                 # main's, from before
