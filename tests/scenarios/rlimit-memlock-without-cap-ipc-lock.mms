# Without CAP_IPC_LOCK, RLIMIT_MEMLOCK bounds the locked pages: mlock
# past it is ENOMEM (pages already locked do not count twice),
# MLOCK_ONFAULT counts the same, MAP_LOCKED and mappings born locked
# after mlockall(MCL_FUTURE) are EAGAIN, mremap growing a locked mapping
# is EAGAIN; with the limit at 0, mlock and MAP_LOCKED are EPERM.
capability ipc_lock off
setrlimit memlock 4p
mmap a 8p rw- private
mlock a 4p
mlock a 5p => ENOMEM
mlock a+2p 2p
mlock a+4p 1p onfault => ENOMEM
status VmLck => 16 kB
mmap b 1p rw- private,locked => EAGAIN
munlock a 8p
mmap m 3p rw- private,locked
mremap m 3p 5p => EAGAIN
mremap m 3p 4p
status VmLck => 16 kB
munlock m 4p
mlockall future
mmap c 1p rw- private
smaps c VmFlags => rd wr mr mw me lo ac
mmap d 4p rw- private => EAGAIN
munlockall
status VmLck => 0 kB
setrlimit memlock 0 0
mlock a 1p => EPERM
mmap e 1p rw- private,locked => EPERM
mlockall future => EPERM
capability ipc_lock on
mlock a 1p
