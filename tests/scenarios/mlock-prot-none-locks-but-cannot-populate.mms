# mlock of a PROT_NONE range marks it locked (VmLck counts it) but cannot
# fault it in: ENOMEM; with MLOCK_ONFAULT nothing is faulted in, so it
# succeeds.  Made readable, the locked range is not populated by that.
mmap n 4p --- private
mlock n 1p => ENOMEM
smaps n VmFlags => mr mw me lo
status VmLck => 4 kB
mlock n+1p 1p onfault
status VmLck => 8 kB
mprotect n 4p r--
smaps n Rss => 0 kB
