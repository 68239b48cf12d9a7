# process_vm_readv copies up to the first page it cannot pin and returns
# the count - but a page whose fault goes to the owner's idle monitor is
# no such page: the call waits there for ever, the page it read before
# notwithstanding.  Not 4096, not EFAULT: it never returns.
mmap a 2p rw- private
write a 0x11
fork child
uffd_register a 2p missing
@child process_vm_readv @main a 1p => 4096
@child process_vm_readv @main a 2p => blocks
