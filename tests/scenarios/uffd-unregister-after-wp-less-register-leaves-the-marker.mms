# Rule (mm/userfaultfd.c userfaultfd_clear_vma, userfaultfd_register_range;
# Linux 6.18 on the host): unregistering resolves the write protection of
# a VMA only while it has VM_UFFD_WP.  Registering a range again without
# wp mode drops VM_UFFD_WP and leaves the uffd-wp marker of a zapped
# shmem page behind, so the unregister that follows leaves it too: the
# marker outlives every registration (pagemap: swapped uffd-wp).  It
# traps nothing: a fault treats it as an empty entry and maps the page.
# Unregistering a VMA that still has VM_UFFD_WP clears its markers.
memfd f 4p
mmap a 4p rw- shared file=f
uffd_register a 4p wp
write a 1 4p
uffd_wp a 4p
madvise a 4p dontneed
pagemap a => swapped uffd-wp
pagemap a+2p => swapped uffd-wp
uffd_register a 2p missing
uffd_unregister a 4p
maps =>
| 100000000000-100000004000 rw-s 00000000 /memfd:f (deleted)
pagemap a => swapped uffd-wp
pagemap a+1p => swapped uffd-wp
pagemap a+2p => none
read a => 0x01
pagemap a => present file excl
write a+1p 2
pagemap a+1p => present file excl
