# A copy that runs into a file mapping past the end of its file gets
# SIGBUS inside the kernel: the call returns what it copied before, no
# signal reaches the process.
memfd f 4p
pwrite f 0 5 4p
mmap m 8p rw- shared file=f
ftruncate f 4106
read m+2p => SIGBUS
sysread f 0 m+8096 200 => 96
syswrite f 0 m+4000 200 => 200
syswrite f 0 m+8096 200 => 96
syswrite f 0 m+2p 200 => EFAULT
