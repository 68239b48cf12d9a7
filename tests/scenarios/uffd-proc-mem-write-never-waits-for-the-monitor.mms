# /proc/PID/mem reaches user memory through GUP without @locked, so
# without FAULT_FLAG_ALLOW_RETRY: handle_userfault() cannot put it to
# sleep and answers VM_FAULT_SIGBUS instead - mem_rw() writes nothing,
# EIO, at once, monitor or not.  Which is why `blocks` belongs to
# process_vm_readv alone.
mmap a 1p rw- private
uffd_register a 1p missing
mem_write a 0x11 => EIO
pagemap a => none
