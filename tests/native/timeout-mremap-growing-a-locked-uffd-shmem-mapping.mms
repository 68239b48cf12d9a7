# With --timeout=1: mremap grows a locked shmem mapping registered for
# missing faults, and populating the new pages faults each into the
# userfaultfd.  This is the process's own command, so its monitor runs:
# the host's agent resolves such a fault (GUP waits killably, so the
# monitor's signal cannot end it) after a second's grace, one page at a
# time, and three pages miss a one-second deadline.  The command does
# not block - it answers late (a kernel with no monitor at all would
# wait for ever) - so `=> blocks` cannot say it; the model answers ok.
memfd f 1m
mmap a 1p rw- shared file=f
mlock a 1p
uffd_register a 1p missing
mremap a 1p 4p
