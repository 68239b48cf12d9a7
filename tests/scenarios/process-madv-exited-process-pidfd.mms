# process_madv.c, exited_process_pidfd: a pidfd of a child that has
# exited names no process: ESRCH.
mmap map 1p r-- private
fork child
pidfd pf @child
@child exit
process_madvise pf dontneed map 1p => ESRCH
