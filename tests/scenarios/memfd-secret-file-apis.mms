# memfd_secret.c, test_file_apis: no file I/O on a secretmem file. The
# test tries read(2), write(2), pread(2) and pwrite(2); the language has
# the positional ones: `pread`/`pwrite` (through a kernel buffer) and
# `sysread`/`syswrite` (pread/pwrite to and from the process's memory).
# The file is opened without FMODE_PREAD/FMODE_PWRITE: ESPIPE. (read(2)
# and write(2) would be EINVAL: it has no ->read_iter or ->write_iter.)
memfd_secret s
mmap buf 1p rw- private
pread s 0 => ESPIPE
pwrite s 0 0x55 64 => ESPIPE
sysread s 0 buf 64 => ESPIPE
syswrite s 0 buf 64 => ESPIPE
# with a size and a page it is the same
ftruncate s 1p
mmap a 1p rw- shared file=s
write a 0x55 1p
pread s 0 => ESPIPE
syswrite s 0 buf 64 => ESPIPE
