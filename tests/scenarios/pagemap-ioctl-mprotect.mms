# pagemap_ioctl.c, mprotect_tests: mprotect never loses "written".  Two
# pages written, then write-protected; the second page mapped anew
# (MAP_FIXED) and registered; PROT_NONE/read-only/read-write changes
# before and after writing both pages leave both written; protecting
# them again and writing shows them written again.
uffd_api wp_async,wp_unpopulated,wp_hugetlbfs_shmem
mmap mem 2p rw- private
uffd_register mem 2p
uffd_wp mem 2p
pagemap_scan mem 2p vec=null flags=wp,check_wpasync mask=written return=written
write mem 1 2p
pagemap_scan mem 2p vec_len=1 mask=written return=written =>
| 100000000000-100000002000 written
| walk_end 100000002000
pagemap_scan mem 2p vec=null flags=wp,check_wpasync mask=written return=written
pagemap_scan mem 2p vec_len=1 mask=written return=written =>
| walk_end 100000002000
mmap mem2 1p rw- private,fixed at=mem+1p
uffd_register mem2 1p
uffd_wp mem2 1p
pagemap_scan mem2 1p vec=null flags=wp,check_wpasync mask=written return=written
mprotect mem 1p ---
mprotect mem 2p r--
mprotect mem 2p rw-
write mem 2 2p
mprotect mem 1p ---
mprotect mem 1p r--
mprotect mem 1p rw-
pagemap_scan mem 2p vec_len=1 mask=written return=written =>
| 100000000000-100000002000 written
| walk_end 100000002000
pagemap_scan mem 2p vec=null flags=wp,check_wpasync mask=written return=written
write mem 0x41 2p
pagemap_scan mem 2p vec_len=1 mask=written return=written =>
| 100000000000-100000002000 written
| walk_end 100000002000
