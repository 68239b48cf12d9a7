# A remote read of registered memory waits only where the fault goes to
# the monitor: a page already there is read; write-protection alone
# does not stop a read (an empty page gets the zero page); and with
# UFFD_FEATURE_SIGBUS the fault is SIGBUS, no wait - EFAULT.
mmap a 1p rw- private
mmap w 1p rw- private
write a 0x11
fork child
uffd_api sigbus
uffd_register a 1p missing
uffd_register w 1p wp
@child process_vm_readv @main a 1p => 4096
@child process_vm_readv @main w 1p => 4096
pagemap w => present
mmap s 1p rw- private
uffd_register s 1p missing
@child process_vm_readv @main s 1p => EFAULT
read s => SIGBUS
