# A second open of a memfd, read-only, as through /proc/self/fd/N: a
# shared writable mapping of it is EACCES, a shared read-only one has no
# VM_MAYWRITE so mprotect cannot make it writable (EACCES); a private
# writable one is fine (it copies); writes and truncation are refused.
memfd f 2p
pwrite f 0 1
reopen r f rdonly
mmap a 2p rw- shared file=r => EACCES
mmap b 2p r-- shared file=r
smaps b VmFlags => rd mr me ms
mprotect b 2p rw- => EACCES
read b => 1
mmap c 2p rw- private file=r
write c 2
pread f 0 => 1
pwrite r 0 3 => EBADF
ftruncate r 0 => EINVAL
pread r 0 => 1
