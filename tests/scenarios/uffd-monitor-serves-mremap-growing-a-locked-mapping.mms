# mremap growing a locked shmem mapping registered for missing faults
# populates the new pages (mm_populate(): GUP that may wait), each
# fault served by the process's own monitor: zeroed pages are cached and
# mapped, and the call succeeds.  (On the host each page costs the
# monitor's second of grace: this one was tests/native/timeout-*, when
# the model answered ok but left the pages empty.)
memfd f 1m
mmap a 1p rw- shared file=f
mlock a 1p
uffd_register a 1p missing
mremap a 1p 3p
pagemap a+1p => present file excl
pagemap a+2p => present file excl
smaps a Locked => 12 kB
