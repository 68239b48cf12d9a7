# A write-only open of a memfd: mmap needs read access, so every mapping
# of it is EACCES; it can be written, not read.
memfd f 1p
reopen w f wronly
mmap a 1p r-- shared file=w => EACCES
mmap b 1p rw- private file=w => EACCES
pwrite w 0 4
pread w 0 => EBADF
pread f 0 => 4
