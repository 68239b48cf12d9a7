# pwrite(2) from memory: copy_from_user takes bytes up to the first one
# it cannot read; the file grows by exactly what was written, and a
# source that cannot be read at all writes nothing (EFAULT).
memfd f 0
mmap a 2p rw- private
write a 9 2p
syswrite f 0 a+8000 200 => 192
syswrite f 0 a+2p 10 => EFAULT
mprotect a+1p 1p ---
syswrite f 24626 a+4000 200 => 96
pread f 24721 => 9
pread f 24722 => eof
syswrite f 100000 a+1p 1 => EFAULT
pread f 100000 => eof
