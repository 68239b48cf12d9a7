# memfd_secret.c, test_mlock_limit: with RLIMIT_MEMLOCK's soft and hard
# limits both at the hard limit (8 MiB, the kernel's initial one) and
# CAP_IPC_LOCK dropped (the test drops every capability), a shared
# mapping of a secretmem file as long as the limit maps - it is locked
# and charged at mmap - and one twice the hard limit is EAGAIN.
setrlimit memlock 8m 8m
capability ipc_lock off
memfd_secret s
mmap a 8m rw- shared file=s
smaps a VmFlags => rd wr sh mr mw ms lo dd
status VmLck => 8192 kB
munmap a 8m
status VmLck => 0 kB
mmap b 16m rw- shared file=s => EAGAIN
