# With UFFD_FEATURE_EVENT_FORK the child keeps main's registration, with
# a userfaultfd of its own that the fork event hands to the monitor (the
# child's agent on the host).  main reading the child's empty page waits
# for the child's monitor, idle between the child's commands: for ever.
mmap a 1p rw- private
uffd_api event_fork
uffd_register a 1p missing
fork child
process_vm_readv @child a 1p => blocks
