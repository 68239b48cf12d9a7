# on-fault-limit.c: after mlockall(MCL_ONFAULT | MCL_FUTURE), a
# populated mapping of twice RLIMIT_MEMLOCK's hard limit (8 MiB, the
# kernel's default) fails, locked on fault or not.  The test runs as an
# unprivileged user: CAP_IPC_LOCK is dropped here.
capability ipc_lock off
setrlimit memlock 8m 8m
mlockall onfault,future
mmap map 16m rw- private,populate => EAGAIN
munlockall
mmap map 16m rw- private,populate       # without mlockall it is fine
