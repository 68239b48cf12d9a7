# 13 - userfaultfd: page faults handled by a user-space monitor
#
# userfaultfd(2) lets a process (the monitor: a live-migration agent, a
# garbage collector) take over page faults in ranges it registers
# (mm/userfaultfd.c, fs/userfaultfd.c). Each scenario process has one
# userfaultfd. A fault the monitor gets instead of the kernel is the
# result `uffd-missing` (or `uffd-wp`): the access did not happen, and
# nothing was mapped. The monitor answers with ioctls.

mmap a 4p rw- private

# Missing mode: the monitor supplies every page that is not mapped yet.
uffd_register a 2p missing
smaps a VmFlags => rd wr mr mw me ac um     # um: VM_UFFD_MISSING
read a => uffd-missing
pagemap a => none
# UFFDIO_COPY fills the empty page with the monitor's bytes (here 0x07)...
uffd_copy a 1p 7
read a => 0x07
# ...and only an empty one: a second copy onto it is EEXIST.
uffd_copy a 1p 8 => EEXIST
# Outside the registered range faults are the kernel's, as ever.
read a+2p => 0

# Write-protect mode: the monitor hears of the first write to a page it
# protected (how CRIU and live migration track what changes).
uffd_unregister a 2p
uffd_register a 4p wp
write a+3p 0x33
uffd_wp a+3p 1p
pagemap a+3p => present excl uffd-wp
write a+3p 0x44 => uffd-wp
read a+3p => 0x33                # the write did not happen
# The monitor records the page, then resolves the protection.
uffd_unwp a+3p 1p
write a+3p 0x44
read a+3p => 0x44
