# UFFDIO_REGISTER needs an aligned range with at least one VMA in it;
# every VMA there must take userfaults (anonymous or shmem, not
# MAP_DROPPABLE) and be writable at least by mprotect (VM_MAYWRITE, else
# EPERM); holes between them are allowed.  UFFDIO_WRITEPROTECT needs
# every VMA of the range registered for WP (ENOENT otherwise).
mmap a 2p rw- private
uffd_register a+1 1p => EINVAL
uffd_register a 2p 0 => EINVAL          # no mode
uffd_register a 3p                      # a hole after the VMA: fine
uffd_register a+4g 1p => EINVAL         # nothing mapped there
mmap d 1p rw- droppable
uffd_register d 1p => EINVAL
memfd f 1p
reopen g f rdonly
mmap s 1p r-- shared file=g
uffd_register s 1p => EPERM             # no VM_MAYWRITE
mmap b 2p rw- private
uffd_register b 1p
maps =>
| 100000000000-100000002000 rw-p 00000000
| 100040000000-100040001000 rw-p 00000000
| 100080000000-100080001000 r--s 00000000 /memfd:f (deleted)
| 1000c0000000-1000c0001000 rw-p 00000000
| 1000c0001000-1000c0002000 rw-p 00000000
smaps b VmFlags => rd wr mr mw me ac uw
uffd_wp b 2p => ENOENT                  # second page not registered
uffd_wp b 1p
uffd_wp a+4g 1p => ENOENT               # no VMA at all
