# mrelease_test.c, its main case: the child faults in its memory, the
# parent SIGKILLs it and reaps its memory with process_mrelease(2)
# before the child has run its exit: 0. The reap unmaps the child's
# private memory (here a page still shared copy-on-write with the parent
# loses the child's mapping); a second call finds the mm reaped
# (MMF_OOM_SKIP) and returns 0 again.
#
# Model only: on the host the victim runs its exit on another CPU while
# the reap is asked for, and whether exit_mm() or the reap comes first
# is a race - the selftest retries with ever more memory when it gets
# ESRCH; through the native agents the exit wins almost always (ESRCH).
# The model keeps a killed process in the moment after the signal.
require model
mmap buf 1m rw- private
write buf 0x11
fork child
@child touch buf+1p 255p w
pidfd c @child
counts buf => refcount 2 mapcount 2 pincount 0 anon
kill @child
counts buf => refcount 2 mapcount 2 pincount 0 anon
process_mrelease c => ok
counts buf => refcount 1 mapcount 1 pincount 0 anon
process_mrelease c => ok
# the parent's page is its own again: written in place
write buf 0x22
read buf => 0x22
