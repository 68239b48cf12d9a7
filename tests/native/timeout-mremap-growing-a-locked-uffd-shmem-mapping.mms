# With --timeout=1: mremap grows a locked shmem mapping registered for
# missing faults, and populating the new pages faults each into the
# userfaultfd.  The agent's monitor can only resolve such a fault (GUP
# waits killably, so its signal cannot end it) after a second's grace,
# one page at a time: three pages miss a one-second deadline.  Without
# a monitor the kernel would wait for ever.  (The model answers ok.)
memfd f 1m
mmap a 1p rw- shared file=f
mlock a 1p
uffd_register a 1p missing
mremap a 1p 4p
