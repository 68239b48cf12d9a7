# mrelease_test.c, its main case: the child faults in its memory, the
# parent SIGKILLs it and reaps its memory with process_mrelease(2)
# before the child has run its exit: 0. The reap unmaps the child's
# private memory: here a page still shared copy-on-write with the parent
# loses the child's mapping, so smaps counts it the parent's alone. A
# second call reaps again, finding nothing: 0.
#
# The test races the reap against the child's exit (retrying with twice
# the memory on ESRCH); `kill` takes that race out on both backends: the
# model keeps a killed process in the moment after the signal, and the
# host's native backend holds the victim at the start of its exit
# (PTRACE_O_TRACEEXIT), before it gives up its memory.
mmap buf 1m rw- private
write buf 0x11
fork child
@child touch buf+1p 255p w
pidfd c @child
smaps buf Shared_Dirty => 4 kB
kill @child
smaps buf Shared_Dirty => 4 kB
process_mrelease c => ok
smaps buf Shared_Dirty => 0 kB
smaps buf Private_Dirty => 4 kB
process_mrelease c => ok
# the parent's page is its own again: written in place
write buf 0x22
read buf => 0x22
