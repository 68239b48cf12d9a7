# Populating a file mapping wholly past the end of the file faults every
# page, each SIGBUS, and makes no PTE table (the faults fail in ->fault,
# before finish_fault()).  mlock and MAP_LOCKED ignore the failures,
# MAP_POPULATE too; MADV_POPULATE_READ/WRITE report EFAULT, and mlock(2)
# ENOMEM.  The walk
# down still makes the PUD and PMD tables (VmPTE).  Found by difffuzz
# (seed 24), where a locked mapping's empty table showed in PAGEMAP_SCAN.
file f 4097
proc_mark
mmap l 4p r-- private,locked file=f off=1m
mmap p 4p r-- private,populate file=f off=1m
mmap m 4p r-- private file=f off=1m
madvise m 4p populate_read => EFAULT
mmap w 4p rw- shared file=f off=1m
madvise w 4p populate_write => EFAULT
mlock w 4p => ENOMEM
status VmPTE => +20 kB
smaps l Locked => 0 kB
pagemap_scan l 4p anyof=written,present vec_len=4 count => regions=0 pages=0 walk_end=100000004000
pagemap_scan p 4p anyof=written,present vec_len=4 count => regions=0 pages=0 walk_end=100040004000
pagemap_scan m 4p anyof=written,present vec_len=4 count => regions=0 pages=0 walk_end=100080004000
pagemap_scan w 4p anyof=written,present vec_len=4 count => regions=0 pages=0 walk_end=1000c0004000
