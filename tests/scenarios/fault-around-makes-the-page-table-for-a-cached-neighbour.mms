# Fault-around (16 pages, aligned) maps the cached pages around a read
# fault before ->fault runs, making the PTE table at the first one it
# finds: a fault past the end of the file that fails in ->fault still
# leaves the table, holding the neighbour it mapped.  In the next 2 MiB,
# where the window holds no cached page, the failed fault makes no
# table.  A disk file and a memfd (shmem) alike.
file f 4097
pwrite f 0 0x11
mmap c 528p r-- private file=f
read c+5p => SIGBUS
read c+517p => SIGBUS
pagemap_scan c 16p anyof=written,present vec_len=4 =>
| 100000000000-100000001000 written file present
| 100000001000-100000010000 written
| walk_end 100000010000
pagemap_scan c+512p 16p anyof=written,present vec_len=4 count => regions=0 pages=0 walk_end=100000210000
memfd m 4097
pwrite m 0 0x22
mmap s 528p r-- shared file=m
read s+5p => SIGBUS
read s+517p => SIGBUS
pagemap_scan s 16p anyof=written,present vec_len=4 =>
| 100040000000-100040001000 written file present
| 100040001000-100040010000 written
| walk_end 100040010000
pagemap_scan s+512p 16p anyof=written,present vec_len=4 count => regions=0 pages=0 walk_end=100040210000
read c => 0x11
read s => 0x22
