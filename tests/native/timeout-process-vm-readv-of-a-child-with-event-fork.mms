# With --timeout=1: with event_fork the child keeps main's registration
# and gets its own userfaultfd; main reading the child's empty page
# waits for the child's monitor, which is not running between the
# child's commands.  (The model answers EFAULT.)
mmap a 1p rw- private
uffd_api event_fork
uffd_register a 1p missing
fork child
process_vm_readv @child a 1p
