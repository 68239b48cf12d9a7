# Registering a range again with the same userfaultfd but without wp
# mode drops VM_UFFD_WP from its VMAs (userfaultfd_register_range() sets
# the new modes) and leaves the uffd-wp bits in their entries.  Whether a
# write goes to the monitor is asked of the VMA (userfaultfd_pte_wp()),
# so the write simply happens: the page is reused, made writable, and
# keeps its stale uffd-wp bit, which pagemap still shows.  Linux 6.18 on
# the host; the model's checker allows a writable uffd-wp entry only in
# a VMA that no longer tracks writes, and a marker in any registered VMA.
# Base pages, then a THP whose PMD uffd_wp split.
require thp=madvise
mmap a 4p rw- private
write a 0x11 4p
uffd_register a 4p wp
uffd_wp a 2p
pagemap a+1p => present excl uffd-wp
write a+1p 0x22 => uffd-wp
uffd_register a 4p missing
smaps a VmFlags => rd wr mr mw me ac um
pagemap a+1p => present excl uffd-wp
write a+1p 0x22
read a+1p => 0x22
pagemap a+1p => present excl uffd-wp
write a+1p 0x33
read a+1p => 0x33
mmap t 4m rw- private at=0x200000000000
madvise t 4m hugepage
write t+3p 3 1p
smaps t AnonHugePages => 2048 kB
uffd_register t 4m
uffd_wp t 1m
pagemap t+2p => present excl uffd-wp
uffd_register t 4p missing
write t+2p 1
pagemap t+2p => present excl uffd-wp
read t+2p => 0x01
# A uffd-wp marker on an empty entry of private shmem stays too when the
# range is registered again in minor mode only (VmFlags `ui`).
memfd f 1p
mmap p 1p rw- private file=f
uffd_register p 1p wp
uffd_wp p 1p
pagemap p => swapped uffd-wp
uffd_register p 1p minor
smaps p VmFlags => rd wr mr mw me ac ui
pagemap p => swapped uffd-wp
read p => 0
pagemap p => present file excl
