# Port of tools/testing/selftests/mm/uffd-unit-tests.c, case events-wp
# on shmem (MAP_SHARED of a memfd): a range registered for missing
# faults and write protection with UFFD_FEATURE_EVENT_FORK, _REMAP and _REMOVE;
# a child forked with it faults on each page of the first half, and the
# monitor answers with UFFDIO_COPY in write-protect mode (then the child
# writes back what it read: a write-protect fault, which the monitor
# resolves); the child moves the whole range with mremap - with
# EVENT_REMAP the registration moves along - and faults on each page of
# the second half; last it releases the range (MADV_REMOVE: a remove
# event, on which the monitor unregisters it), after which every page
# reads as zeroes.  Each page was missing exactly once.
memfd f 4p
mmap a 4p rw- shared file=f
uffd_api event_fork,event_remap,event_remove,pagefault_flag_wp,wp_hugetlbfs_shmem
uffd_register a 4p missing,wp
fork c
@c read a => uffd-missing
@c uffd_copy a 1p 0x01 wp
@c read a => 0x01
@c write a 0x01 => uffd-wp
@c uffd_unwp a 1p
@c write a 0x01
@c read a+1p => uffd-missing
@c uffd_copy a+1p 1p 0x02 wp
@c read a+1p => 0x02
@c mremap a 4p 4p maymove to=a+1g as=b
@c smaps b VmFlags => rd wr sh mr mw me ms um uw
@c read b => 0x01
@c read b+2p => uffd-missing
@c uffd_copy b+2p 1p 0x03 wp
@c read b+2p => 0x03
@c write b+2p 0x03 => uffd-wp
@c uffd_unwp b+2p 1p
@c write b+2p 0x03
@c read b+3p => uffd-missing
@c uffd_copy b+3p 1p 0x04 wp
@c read b+3p 4096 => 0x04
@c madvise b 4p remove
@c uffd_unregister b 4p
@c touch b 4p r
@c read b 4096 => 0
@c read b+3p 4096 => 0
@c exit
# the child filled the shared file again: the parent finds the pages
read a => 0
