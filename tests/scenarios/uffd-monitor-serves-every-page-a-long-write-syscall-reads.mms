# write(2) of many pages from shared memory registered for missing
# faults: each source page the copy reaches is a fault in kernel mode
# (fault_in_readable() after the atomic copy failed) that the process's
# own monitor serves (UFFDIO_ZEROPAGE: a zero-filled page put in the
# shmem page cache and mapped), and the write goes on to the next page
# until all of it is written, the unaligned file offset included.
# mmsim difffuzz --seed=5501 found the host's agent taking a second per
# page here (its monitor waited for every fault to end by a signal).
file f 4p
pwrite f 1 0x11
mmap a 64p r-- shared
uffd_register a 64p missing
syswrite f 1 a 64p => 262144
mincore a 64p => 1111111111111111111111111111111111111111111111111111111111111111
pread f 1 => 0x00
pread f 262144 => 0x00
pagemap a+63p => present file excl
read a+63p => 0x00
