# read(2) into memory registered for missing faults: copy_to_user()
# faults in kernel mode, and x86's fault handler ends such a wait only
# for a fatal signal, so the process's own monitor serves the fault
# (UFFDIO_ZEROPAGE) and the copy goes on.  Private memory gets the zero
# page, and the copy's write then breaks COW into a page of its own;
# shared shmem gets a zeroed page in the cache, then written.  The copy
# ends short where the mapping does (difffuzz seed 21).  The process's
# own loads are still handed to the monitor.  On the host each served
# fault costs the monitor's grace, a second.
memfd f 2p
pwrite f 0 0x11 2p
mmap a 2p rw- private
uffd_register a 2p missing
sysread f 0 a 1p => 4096
pagemap a => present excl
read a 1p => 0x11
read a+1p => uffd-missing
pagemap a+1p => none
mmap s 1p rw- shared
uffd_register s 1p missing
sysread f 0 s+1 8192 => 4095
pagemap s => present file excl
read s+1 4095 => 0x11
read s => 0x00
