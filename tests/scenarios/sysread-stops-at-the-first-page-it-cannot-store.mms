# pread(2) into memory: the kernel's copy_to_user faults pages in, and
# stops - without a signal - at the first byte it cannot store: a
# read-only page, or nothing mapped.  The count is what it copied, to
# the byte; EFAULT when that is nothing.
memfd f 4p
pwrite f 0 5 4p
mmap a 2p rw- private
mprotect a+1p 1p r--
sysread f 0 a 8k => 4096
read a 4k => 5
read a+1p => 0
sysread f 0 a+100 8k => 3996
sysread f 0 a+1p 10 => EFAULT
sysread f 0 a+2p 10 => EFAULT
sysread f 0 a+4000 200 => 96
# at the end of the file: what is left, then nothing
sysread f 16284 a 8k => 100
sysread f 16384 a 8k => 0
# the buffer must lie in the user address space (access_ok)
sysread f 0 0x7ffffffff000 4k => EFAULT
sysread f 9223372036854775808 a 1 => EINVAL
