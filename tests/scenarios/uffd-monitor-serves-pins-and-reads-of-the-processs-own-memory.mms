# GUP of the process's own registered memory waits killably, so its own
# monitor serves each fault: a writable pin gets the zero page and then
# a page of its own; a read-only reference (vmsplice) and a
# process_vm_readv of itself keep the zero page - also of a shmem hole
# in a private mapping of a file registered for missing and minor faults
# (difffuzz seed 23).  Another process's read of such a page blocks (see
# uffd-remote-read-*).
mmap d 1p rw- private
uffd_register d 1p missing
pin P d 1p
pagemap d => present excl
mmap e 1p rw- private
uffd_register e 1p missing
gup_get G e 1p
pagemap e => present
memfd f 1p
mmap g 1p r-- private file=f
uffd_register g 1p missing,minor
process_vm_readv @main g 1p => 4096
pagemap g => present
