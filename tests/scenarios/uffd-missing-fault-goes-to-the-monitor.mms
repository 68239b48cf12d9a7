# userfaultfd in missing mode: a read or a write of an empty page of a
# registered range goes to the monitor (uffd-missing) and maps nothing;
# UFFDIO_COPY fills pages (EEXIST over a mapped one, ENOENT outside the
# registration), after which accesses just work.  UFFDIO_COPY_MODE_WP
# needs a WP registration.
mmap dst 4p rw- private
uffd_register dst 2p missing
read dst => uffd-missing
write dst+1p 1 => uffd-missing
pagemap dst => none
uffd_copy dst 1p 7
uffd_copy dst 1p 7 => EEXIST
uffd_copy dst+1p 1p 8 wp => EINVAL
uffd_copy dst+2p 1p 9 => ENOENT
read dst => 7
write dst 0x11
read dst => 0x11
read dst+2p => 0                        # not registered: an ordinary fault
smaps dst VmFlags => rd wr mr mw me ac um
uffd_unregister dst 2p
read dst+1p => 0
