# UFFDIO_MOVE's refusals (mm/userfaultfd.c move_pages, Linux 6.18),
# measured on the host: shared memory, a read-only
# source, an unregistered destination are EINVAL; no VMA is ENOENT; a
# pinned page is EBUSY; a marker at the source is EFAULT; a hole at the
# source ENOENT (overlapping ranges are not refused as such); nothing moved
# by a refused call.
mmap src 4p rw- private
mmap dst 4p rw- private
mmap plain 4p rw- private
memfd f 4p
mmap shm 4p rw- shared file=f
uffd_api move
uffd_register dst 4p missing
uffd_register shm 4p missing
touch src 4p w
uffd_move dst+1p dst 2p => ENOENT
uffd_move src+1p src 2p => EINVAL
uffd_move shm src 1p => EINVAL
uffd_move dst shm 1p => EINVAL
uffd_move plain src 1p => EINVAL
uffd_move dst src+3p 2p => EINVAL
uffd_move dst+3p src 2p => EINVAL
uffd_move dst src-1p 1p => ENOENT
mprotect src+3p 1p r--
uffd_move dst src+3p 1p => EINVAL
mprotect src+3p 1p rw-
pin p src 1p
uffd_move dst src 1p => EBUSY
unpin p
madvise src+1p 1p guard_install
uffd_move dst+1p src+1p 1p => EFAULT
pagemap dst => none
pagemap dst+1p => none
uffd_move dst src 1p
pagemap dst => present excl
