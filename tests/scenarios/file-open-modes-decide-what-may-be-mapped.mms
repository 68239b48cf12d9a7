# Opens of a tmpfile with other modes (through /proc/self/fd): a read-only
# open maps shared read-only only (EACCES for writable, and mprotect cannot
# add write: no VM_MAYWRITE) or private with COW; a write-only open cannot
# be mapped at all; pwrite needs a writable open (EBADF).
file f 1p
reopen r f rdonly
mmap a 1p rw- shared file=r => EACCES
mmap b 1p r-- shared file=r
mprotect b 1p rw- => EACCES
mmap c 1p rw- private file=r
write c 1
read c => 1
pread f 0 => 0
reopen w f wronly
mmap d 1p r-- shared file=w => EACCES
pwrite r 0 1 => EBADF
pwrite w 0 5
read b => 5
