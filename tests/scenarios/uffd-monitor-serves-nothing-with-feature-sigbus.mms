# UFFD_FEATURE_SIGBUS: no fault goes to the monitor, so none is served -
# a kernel-mode copy stops (EFAULT), populating and GUP fail (mlock's
# EFAULT from populating is ENOMEM), and nothing is mapped.
memfd f 1p
pwrite f 0 0x11
mmap c 1p rw- private
uffd_api sigbus
uffd_register c 1p missing
sysread f 0 c 1p => EFAULT
mlock c 1p => ENOMEM
madvise c 1p populate_read => EFAULT
pin P c 1p => EFAULT
gup_get G c 1p => EFAULT
process_vm_readv @main c 1p => EFAULT
pagemap c => none
