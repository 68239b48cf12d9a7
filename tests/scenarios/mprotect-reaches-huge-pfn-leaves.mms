# mprotect rewrites PUD and PMD leaves of a PFN map too: after
# mprotect r--, a store through a once-writable huge leaf must fault (and
# the VMA, now read-only, makes it SIGSEGV), and rw- again lets ->huge_fault
# upgrade the leaf on the next store.  Model-only: the host has no BAR here.
require model
# larger than the I/O region: the BAR sits 1 GiB-aligned in the hole
open big bar size=1g
mmap p 1g rw- shared file=big
write p 0x01
entry p =>
| pgd present rw user accessed dirty pfn=table
| pud present rw user pcd accessed dirty pse special nx pfn=hole
mprotect p 1g r--
entry p =>
| pgd present rw user accessed dirty pfn=table
| pud present user pcd accessed dirty pse special nx pfn=hole
write p 0x02 => SIGSEGV
mprotect p 1g rw-
write p 0x03
# 4 MiB in the I/O region: PMD leaves
open small bar
mmap q 4m rw- shared file=small
write q+2m 0x04
read q+2m => 0x04
mprotect q 4m r--
write q+2m 0x05 => SIGSEGV
read q+2m => 0x04
entry q+2m =>
| pgd present rw user accessed dirty pfn=table
| pud present rw user accessed dirty pfn=table
| pmd present user pcd accessed dirty pse special nx pfn=io
