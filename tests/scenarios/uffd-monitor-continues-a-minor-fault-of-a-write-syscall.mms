# write(2) from shmem registered for minor faults whose page is cached
# but not mapped: the kernel-mode read goes to the process's own monitor,
# which maps the cached page (UFFDIO_CONTINUE), and its bytes are written.
memfd g 1p
pwrite g 0 0x33
mmap e 1p rw- shared file=g
uffd_register e 1p minor
memfd f 1p
syswrite f 0 e 1p => 4096
pagemap e => present file excl
pread f 0 => 0x33
