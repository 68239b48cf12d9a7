# process_vm_readv of another process's empty page registered for
# missing faults: the remote GUP (pin_user_pages_remote() with @locked,
# so FAULT_FLAG_ALLOW_RETRY | FAULT_FLAG_KILLABLE) waits killably in
# handle_userfault() for main's monitor, which runs only during main's
# own commands.  Nothing will ever wake the child: its read never
# returns, and the scenario ends there.
mmap a 1p rw- private
fork child
uffd_register a 1p missing
@child process_vm_readv @main a 1p => blocks
