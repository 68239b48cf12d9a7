# A fault on a page wholly past the end of a file is SIGBUS, and makes
# no PTE table: ->fault fails before finish_fault() would make one, for
# a read (do_read_fault), a private write (do_cow_fault) and a shared
# write (do_shared_fault) alike.  The walk down makes the PUD and PMD
# tables only (VmPTE: one PUD table and a PMD table per 1 GiB slot), and
# PAGEMAP_SCAN, which on this host reports an empty entry of a table as
# `written`, finds nothing.  An anonymous fault, which makes its table
# first, is the contrast: its table holds the entry and three empty ones.
file f 4097
proc_mark
mmap r 4p r-- private file=f off=1m
read r => SIGBUS
status VmPTE => +8 kB
mmap c 4p rw- private file=f off=1m
write c 1 => SIGBUS
status VmPTE => +12 kB
mmap s 4p rw- shared file=f off=1m
write s 1 => SIGBUS
status VmPTE => +16 kB
mmap a 4p rw- private
write a 1
status VmPTE => +24 kB
pagemap_scan r 4p anyof=written,present vec_len=4 count => regions=0 pages=0 walk_end=100000004000
pagemap_scan c 4p anyof=written,present vec_len=4 count => regions=0 pages=0 walk_end=100040004000
pagemap_scan s 4p anyof=written,present vec_len=4 count => regions=0 pages=0 walk_end=100080004000
pagemap_scan a 4p anyof=written return=written vec_len=4 count => regions=1 pages=4 walk_end=1000c0004000
