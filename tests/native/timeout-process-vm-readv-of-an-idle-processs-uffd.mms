# With --timeout=1: the child reads main's page through process_vm_readv
# while main has the empty page registered for missing faults.  The
# remote GUP waits killably in handle_userfault() for a monitor, and
# main's agent is idle (its monitor runs only during main's own
# commands): the kernel would wait for ever, so the honest host answer is
# the timeout.  (The model answers EFAULT.)
mmap a 1p rw- private
fork child
uffd_register a 1p missing
@child process_vm_readv @main a 1p
