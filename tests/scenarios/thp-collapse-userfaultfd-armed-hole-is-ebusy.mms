# MADV_COLLAPSE in a VMA registered with a userfaultfd (missing or wp
# mode): an empty or zero-page entry may not be filled behind the
# monitor's back, so the scan stops at the first one with
# SCAN_EXCEED_NONE_PTE - EBUSY, and the rest of the range is not tried
# (hpage_collapse_scan_pmd(), Linux 6.18; found while porting
# khugepaged.c).  A range with every page present still collapses.
# Host-verified.
require thp=madvise
mmap a 2m rw- private
write a 1 4p
uffd_register a 2m missing
madvise a 2m collapse => EBUSY
smaps a AnonHugePages => 0 kB
pagemap a+4p => none
read a 4p => 1
mmap w 4m rw- private
write w 2 2m
write w+2m 3 4p
uffd_register w 4m wp
madvise w+2m 2m collapse => EBUSY
smaps w AnonHugePages => 0 kB
madvise w 2m collapse => ok
smaps w AnonHugePages => 2048 kB
read w 2m => 2
mmap z 2m rw- private
write z 4 2m
madvise z+1p 1p dontneed
read z+1p => 0
uffd_register z 2m wp
madvise z 2m collapse => EBUSY
smaps z AnonHugePages => 0 kB
mmap v 4m rw- private
write v 5 4p
write v+2m 6 2m
uffd_register v 4m missing
madvise v 4m collapse => EBUSY
smaps v AnonHugePages => 0 kB
madvise v+2m 2m collapse => ok
smaps v AnonHugePages => 2048 kB
read v+2m 2m => 6
