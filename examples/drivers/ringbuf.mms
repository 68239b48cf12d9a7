# The ring buffer of ringbuf.c: everything mapped at mmap time, page 0
# writable on demand, data pages read-only - what user space of perf sees.
open r ringbuf pages=2
mmap ring 3p rw- shared file=r
# all three pages are mapped already: a PFN map, no faults needed to read
smaps ring VmFlags => rd wr sh mr mw me ms pf io dc de dd
read ring+1p => 0x5a
normal_page ring+1p => none
# the control page becomes writable through ->pfn_mkwrite ...
write ring 0x01
read ring => 0x01
# ... the data pages do not
write ring+1p 0x02 => SIGBUS
write ring+2p 0x02 => SIGBUS
read ring+1p => 0x5a
# the mapping cannot be split, and fork does not copy it
munmap ring+1p 1p => EINVAL
fork child
@child read ring => SIGSEGV
munmap ring 3p
close r
