# Port of tools/testing/selftests/mm/uffd-unit-tests.c, case sigbus-wp
# on anon (MAP_PRIVATE anonymous): registered for missing
# and write-protect faults with UFFD_FEATURE_SIGBUS, a read of an empty
# page is SIGBUS; the task fills it with a write-protected UFFDIO_COPY;
# writing back what it read is SIGBUS again (a write-protect fault); it
# resolves the protection and the write succeeds.  Then, the pages
# released, a child forked with UFFD_FEATURE_EVENT_FORK inherits the
# registration and the feature: each of its faults is SIGBUS.
mmap a 4p rw- private
uffd_api sigbus,event_fork,pagefault_flag_wp,wp_hugetlbfs_shmem
uffd_register a 4p missing,wp
read a => SIGBUS
uffd_copy a 1p 0x11 wp
read a => 0x11
pagemap a => uffd-wp present excl
write a 0x11 => SIGBUS
uffd_unwp a 1p
write a 0x11
pagemap a => present excl
read a+1p => SIGBUS
uffd_copy a+1p 1p 0x22 wp
write a+1p 0x22 => SIGBUS
uffd_unwp a+1p 1p
write a+1p 0x22
read a+1p => 0x22
madvise a 4p dontneed
fork child
@child read a => SIGBUS
@child read a+1p => SIGBUS
@child write a+2p 1 => SIGBUS
@child touch a+3p 1p r => SIGBUS
@child exit
