# Port of tools/testing/selftests/mm/uffd-unit-tests.c, case poison on
# shmem-private (MAP_PRIVATE of a memfd): the monitor answers the missing fault
# of every even page with UFFDIO_POISON and of every odd one with a
# zeroed UFFDIO_COPY.  A poisoned page is a PTE marker (pagemap: swapped)
# and any access to it is SIGBUS, so half the pages raise SIGBUS and the
# others read as zeroes.  A poisoned entry is not empty: another
# UFFDIO_POISON or UFFDIO_ZEROPAGE there is EEXIST.
memfd f 4p
mmap a 4p rw- private file=f
uffd_api poison
uffd_register a 4p missing ioctls => wake copy zeropage move poison
read a => uffd-missing
uffd_poison a 1p
read a => SIGBUS
read a+1p => uffd-missing
uffd_copy a+1p 1p 0
read a+1p 4096 => 0
read a+2p => uffd-missing
uffd_poison a+2p 1p
read a+2p => SIGBUS
write a+2p 1 => SIGBUS
read a+3p => uffd-missing
uffd_copy a+3p 1p 0
read a+3p 4096 => 0
pagemap a => swapped
pagemap a+1p => present excl
uffd_poison a 1p => EEXIST
uffd_zeropage a+2p 1p => EEXIST
uffd_poison a+3p 1p => EEXIST
