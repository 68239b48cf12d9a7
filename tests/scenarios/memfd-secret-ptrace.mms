# memfd_secret.c, test_ptrace: PTRACE_PEEKDATA of the secret page fails.
# ptrace's peek and /proc/PID/mem both reach the memory through
# access_remote_vm() with FOLL_FORCE, and GUP refuses a secretmem VMA:
# /proc/PID/mem answers EIO (the test's PEEKDATA, EIO too). The language
# has /proc/self/mem writes (`mem_write`); nothing is written.
memfd_secret s
mmap mem 1p rw- shared file=s
ftruncate s 1p
write mem 0x55 1p
mem_write mem 0x11 => EIO
read mem 1p => 0x55
