# /proc/PID/status sizes and statm come from the mm's counters (task_mem,
# task_statm), not from walking the VMAs: RSS per kind, total_vm and
# data_vm/exec_vm/stack_vm by VMA kind, locked_vm, the page-table bytes.
# They sum the whole process, so the scenario compares them as
# differences from proc_mark (the agent's own memory on the host).
proc_mark
status VmSize => +0 kB
status VmRSS => +0 kB
mmap a 4p rw- private
status VmSize => +16 kB
status VmData => +16 kB                 # private writable: data
status VmRSS => +0 kB                   # nothing faulted in yet
touch a 4p w
status VmRSS => +16 kB
status RssAnon => +16 kB
status RssFile => +0 kB
status VmPTE => +12 kB                  # a PUD, a PMD and a PTE table
statm size => +4
statm resident => +4
statm data => +4
smaps_rollup Rss => +16 kB
smaps_rollup Anonymous => +16 kB
smaps_rollup Pss_Anon => +16 kB
smaps_rollup Pss_Dirty => +16 kB
smaps_rollup Private_Dirty => +16 kB
# shared memory: RssShmem and statm's shared, Pss_Shmem
memfd m 4p
mmap s 4p rw- shared file=m
touch s 2p w
status RssShmem => +8 kB
statm shared => +2
statm resident => +6
smaps_rollup Pss_Shmem => +8 kB
smaps_rollup Shared_Dirty => +0 kB      # mapped once: private
smaps_rollup Private_Dirty => +24 kB
status VmData => +16 kB                 # shared: not data
# locked memory: VmLck, smaps_rollup Locked
mlock a 2p
status VmLck => +8 kB
smaps_rollup Locked => +8 kB
munlock a 2p
status VmLck => +0 kB
# an executable mapping is VmLib (the text is the executable's alone)
mprotect a 1p r-x
status VmLib => +4 kB
status VmExe => +0 kB
status VmData => +12 kB
statm data => +3
statm text => +0
status VmStk => +0 kB
status VmSwap => +0 kB
status HugetlbPages => +0 kB
# munmap lowers the sizes; VmPeak keeps the peak of total_vm
munmap a 4p
status VmSize => +16 kB
status VmPeak => +32 kB
status VmRSS => +8 kB
status RssAnon => +0 kB
statm size => +4
# mremap moving a mapping accounts the new one before unmapping the old
# one, then puts the high-water mark back: the peak never counts both
mremap s 4p 8p maymove to=s+1g as=s2
status VmSize => +32 kB
status VmPeak => +32 kB
status RssShmem => +8 kB
munmap s2 8p
status VmSize => +0 kB
status VmRSS => +0 kB
status VmPTE => +0 kB                   # the tables go with the last VMA under them
