# pagemap_ioctl.c, userfaultfd_tests: 16 pages mapped PROT_NONE,
# registered for asynchronous uffd-wp and write-protected, then given
# eight different protections; after write-protecting scans of part and
# all of the range, no page is written.
uffd_api wp_async,wp_unpopulated,wp_hugetlbfs_shmem
mmap mem 16p --- private
uffd_register mem 16p
uffd_wp mem 16p
mprotect mem 2p rw-
mprotect mem+2p 2p r--
mprotect mem+4p 2p rw-
mprotect mem+6p 2p r--
mprotect mem+8p 2p rw-
mprotect mem+10p 2p ---
mprotect mem+12p 2p rw-
mprotect mem+14p 2p r--
pagemap_scan mem+1p 12p vec=null flags=wp,check_wpasync mask=written return=written
pagemap_scan mem 16p vec=null flags=wp,check_wpasync mask=written return=written
pagemap_scan mem 16p vec_len=1 flags=wp,check_wpasync max_pages=14 mask=written return=written count => regions=0 pages=0 walk_end=100000010000
