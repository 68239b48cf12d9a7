# The host runs scenarios as root, with CAP_IPC_LOCK: RLIMIT_MEMLOCK
# does not bound mlock, MAP_LOCKED or mlockall then.  (VmLck is not
# compared after mlockall(MCL_CURRENT): on the host it locks the agent's
# own memory too.)
setrlimit memlock 1p 1p
mmap a 8p rw- private
mlock a 8p
mmap b 4p rw- private,locked
status VmLck => 48 kB
munlock a 8p
mlockall current
smaps a VmFlags => rd wr mr mw me lo ac
munlockall
status VmLck => 0 kB
