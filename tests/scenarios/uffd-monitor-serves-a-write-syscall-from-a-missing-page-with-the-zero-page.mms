# write(2) from memory registered for missing faults: the source is read
# in kernel mode (fault_in_readable() after the atomic copy failed), the
# process's own monitor serves the fault with the zero page, and zeroes
# are written.  The zero page stays mapped: read-only, not exclusive.
memfd f 1p
pwrite f 0 0x11
mmap a 1p rw- private
uffd_register a 1p missing
syswrite f 0 a 1p => 4096
pagemap a => present
pread f 0 => 0x00
read a => 0x00
