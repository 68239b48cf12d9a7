# A process sent SIGKILL but held before it exits (kill) still has its
# memory and its userfaultfd, and runs no monitor: reading its empty
# registered page waits for ever as it would in a live, idle process.
mmap a 1p rw- private
fork child
@child uffd_register a 1p missing
kill @child
process_vm_readv @child a 1p => blocks
