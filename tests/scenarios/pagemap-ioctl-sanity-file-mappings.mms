# pagemap_ioctl.c, sanity_tests 9 and 10, on regular files: a read-only
# private mapping of a 50000-byte file, read in full, is present and file
# pages (13 pages); a private writable mapping of a 10-page file,
# registered for asynchronous uffd-wp and written in full, is written.
# 0x7d: every category but written, soft-dirty and guard.
file src 50000
pwrite src 0 0x63 50000
mmap fmem 50000 r-- private file=src
touch fmem 50000 r
pagemap_scan fmem 50000 vec_len=10 anyof=0x7d return=0x7d =>
| 100000000000-10000000d000 file present
| walk_end 10000000d000
uffd_api wp_async,wp_unpopulated,wp_hugetlbfs_shmem
file tmp2 10p
pwrite tmp2 0 0x63 10p
mmap buf 10p rw- private file=tmp2
uffd_register buf 10p
uffd_wp buf 10p
pagemap_scan buf 10p vec=null flags=wp,check_wpasync mask=written return=written
write buf 0x7a 10p
msync buf 10p sync
pagemap_scan buf 10p vec_len=10 mask=written anyof=present,swapped,file return=0x7f =>
| 100040000000-10004000a000 wpallowed written present
| walk_end 10004000a000
