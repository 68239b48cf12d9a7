# Port of tools/testing/selftests/mm/uffd-unit-tests.c, case sigbus on
# anon (MAP_PRIVATE anonymous): with UFFD_FEATURE_SIGBUS
# no fault goes to a monitor - a missing fault raises SIGBUS in the task
# at once; the task (the test's signal handler) fills the page with
# UFFDIO_COPY itself and the access then succeeds.  Releasing the pages
# (MADV_DONTNEED, and for shmem MADV_REMOVE) makes them missing again.
# Then, with the pages released, a child forked with
# UFFD_FEATURE_EVENT_FORK inherits the registration and the feature:
# its faults are SIGBUS too, and no monitor ever hears of them.
mmap a 4p rw- private
uffd_api sigbus,event_fork
uffd_register a 4p missing
read a => SIGBUS
uffd_copy a 1p 0x11
read a => 0x11
write a 0x11
write a+1p 1 => SIGBUS
uffd_copy a+1p 1p 0x22
write a+1p 0x22
touch a+2p 2p r => SIGBUS
uffd_copy a+2p 2p 0x33
touch a+2p 2p r
madvise a 4p dontneed
read a => SIGBUS
read a+3p => SIGBUS
fork child
@child read a => SIGBUS
@child read a+1p => SIGBUS
@child write a+2p 1 => SIGBUS
@child touch a+3p 1p r => SIGBUS
@child exit
