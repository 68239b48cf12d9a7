# Rule (mm/userfaultfd.c mfill_atomic_install_pte, mfill_file_over_size;
# Linux 6.7 on): UFFDIO_COPY and UFFDIO_ZEROPAGE into a file VMA check the
# file's size, private mappings included: a page past EOF is EFAULT, and
# the copy stops there (a partial copy: EAGAIN).  Within EOF a private mapping
# gets an anonymous page.
# mmsim difffuzz --seed=3301 found the model filling past EOF.
memfd f 1p
mmap d 4p rw- private file=f
uffd_register d 4p missing
uffd_copy d+2p 1p 0x6f => EFAULT
uffd_zeropage d+1p 1p => EFAULT
uffd_copy d 2p 0x6f => EAGAIN
read d => 0x6f
pagemap d => present excl
pagemap d+1p => none
uffd_copy d 1p 0x70 => EEXIST
