# A minor fault waits as a missing one does: the memfd's page is cached
# but the child's mapping of it, registered minor, has no entry, so a
# read through it goes to the child's monitor (UFFDIO_CONTINUE would
# map it).  main's process_vm_readv of it never returns.
memfd f 1m
pwrite f 0 0x22
mmap a 1p rw- shared file=f
fork child
@child uffd_register a 1p minor
read a => 0x22
process_vm_readv @child a 1p => blocks
