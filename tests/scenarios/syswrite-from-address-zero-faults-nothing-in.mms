# write(2) copies its source with page faults disabled and, when that
# copies nothing, faults the source in and tries again
# (generic_perform_write).  fault_in_readable() stops at address 0
# ("Stop once we overflow to 0"), so a source at address 0 that is not
# mapped yet is never faulted in: EFAULT, though the page is there to
# be read (found by difffuzz).  Once a read has mapped it, the same
# write succeeds.  Mapping page 0 needs CAP_SYS_RAWIO (mmap_min_addr).
memfd f 4p
file g 1p
mmap z 4p r-- private file=f at=0
syswrite g 16p 0 1 => EFAULT
syswrite f 0 0 1 => EFAULT
# a source elsewhere, not mapped yet, is faulted in and copied
syswrite g 0 z+1p 1 => 1
read 0 => 0x00
syswrite g 16p 0 1 => 1
syswrite f 0 0 1 => 1
