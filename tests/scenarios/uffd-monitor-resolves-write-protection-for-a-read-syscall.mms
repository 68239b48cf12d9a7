# read(2) into a page write-protected with userfaultfd: the kernel-mode
# write fault goes to the process's own monitor, which resolves the
# protection of that page alone (UFFDIO_WRITEPROTECT without MODE_WP),
# and the copy writes.  The neighbour keeps its protection.
memfd f 1p
pwrite f 0 0x11 1p
mmap a 2p rw- private
write a 0x22 2p
uffd_register a 2p wp
uffd_wp a 2p
sysread f 0 a 1p => 4096
pagemap a => present excl
read a 1p => 0x11
pagemap a+1p => present excl uffd-wp
write a+1p 0x33 => uffd-wp
