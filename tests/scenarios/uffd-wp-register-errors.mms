require model
# UFFDIO_REGISTER needs an aligned range fully covered by VMAs that can
# take userfaults (anonymous or shmem); UFFDIO_WRITEPROTECT needs the
# range registered for WP (ENOENT otherwise).
mmap a 2p rw- private
uffd_register a+1 1p => EINVAL
uffd_register a 3p => EINVAL     # a hole after the VMA
uffd_register a 1p
maps =>
| 100000000000-100000001000 rw-p 00000000
| 100000001000-100000002000 rw-p 00000000
uffd_wp a 2p => ENOENT           # second page not registered
uffd_wp a 1p
