# process_madvise(2) on another process (Linux 6.18): only MADV_COLD,
# MADV_PAGEOUT, MADV_WILLNEED and MADV_COLLAPSE (others EINVAL), and
# with CAP_SYS_NICE; the advice acts on the target's memory.  Holes and
# errors: the bytes of the ranges before the first that failed, else
# that range's error.
mmap map 4p rw- private
fork child
write map 1 4p                  # after fork: main's own pages
@child pidfd pf @main
@child process_madvise pf dontneed map 1p => EINVAL
@child process_madvise pf cold map 2p => 8192
smaps map Referenced => 8 kB    # the two pages lost their accessed bits
@child process_madvise pf willneed map 4p => 16384
@child capability sys_nice off
@child process_madvise pf cold map 1p => EPERM
process_madvise self dontneed map 1p map+16g 1p map+2p 1p => 4096
read map => 0
read map+2p => 1
process_madvise self dontneed map+16g 1p => ENOMEM
process_madvise self dontneed map+1 1p => EINVAL
