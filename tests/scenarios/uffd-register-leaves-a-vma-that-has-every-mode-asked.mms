# UFFDIO_REGISTER over a VMA already registered with every mode it asks
# for (and more) leaves that VMA as it is: not split at the range's
# start, its wp mode kept (userfaultfd_register_range() skips it).  The
# VMA after it, not registered, takes the new mode.  Found by difffuzz.
mmap a 8p rw- private
touch a 8p w
uffd_register a+1p 3p missing,wp
uffd_register a+2p 4p missing
maps =>
| 100000000000-100000001000 rw-p 00000000
| 100000001000-100000004000 rw-p 00000000
| 100000004000-100000006000 rw-p 00000000
| 100000006000-100000008000 rw-p 00000000
uffd_wp a+2p 1p
write a+2p 1 => uffd-wp
uffd_wp a+4p 1p => ENOENT
