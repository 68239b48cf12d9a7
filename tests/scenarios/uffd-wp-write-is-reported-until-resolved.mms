# userfaultfd write-protect (UFFDIO_REGISTER mode WP, UFFDIO_WRITEPROTECT):
# a write to a uffd-wp entry is reported to the monitor instead of
# completing (result `uffd-wp`), reads still work, and after the monitor
# resolves the protection the write goes through, reusing the page.
mmap a 2p rw- private
write a 0x01 2p
uffd_wp a 1p => EINVAL           # no UFFDIO_API yet: nothing but EINVAL
uffd_register a 2p
uffd_wp a 1p
pagemap a => present excl uffd-wp
write a 0xff => uffd-wp
read a 1p => 0x01                # the write did not happen
write a+1p 0x02                  # not protected
uffd_unwp a 1p
pagemap a => present excl
write a 0xff
read a => 0xff
smaps a VmFlags => rd wr mr mw me ac uw
