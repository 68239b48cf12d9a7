# proc-pid-vm.c: /proc/PID/maps and smaps of one executable, file-backed
# private page (the test execs a one-page program from a deleted tmpfs
# file; an executable memfd (MFD_EXEC) mapped r-x stands for it here, and maps
# shows its path as "/memfd:NAME (deleted)").  The test's smaps_rollup
# and statm checks are in proc-pid-vm-smaps-rollup-and-statm.
memfd exe 1p exec
pwrite exe 0 0x90 1p
mmap text 1p r-x private file=exe
maps =>
| 100000000000-100000001000 r-xp 00000000 /memfd:exe (deleted)
smaps text Size => 4 kB
smaps text KernelPageSize => 4 kB
smaps text MMUPageSize => 4 kB
smaps text Rss => 0 kB                  # not faulted in yet
smaps text Pss => 0 kB
smaps text Anonymous => 0 kB
smaps text AnonHugePages => 0 kB
smaps text Shared_Hugetlb => 0 kB
smaps text Private_Hugetlb => 0 kB
smaps text Locked => 0 kB
read text => 0x90
smaps text Rss => 4 kB                  # the page cache page, mapped
smaps text Pss => 4 kB
smaps text Anonymous => 0 kB
smaps text VmFlags => rd ex mr mw me
