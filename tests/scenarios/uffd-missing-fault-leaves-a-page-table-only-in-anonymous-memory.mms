# A missing fault handed to the userfaultfd monitor maps nothing, but an
# anonymous one has made its PTE table already (do_anonymous_page() makes
# it before it looks at the registration), while a shmem one, shared or
# private, read or write, goes to the monitor from ->fault (shmem_fault)
# and makes none.  On this host PAGEMAP_SCAN reports each empty entry of
# a table as `written`; VmPTE counts the PUD and PMD tables besides.
proc_mark
mmap a 4p rw- private
uffd_register a 4p missing
read a => uffd-missing
write a+1p 1 => uffd-missing
status VmPTE => +12 kB
memfd m 4p
mmap s 4p rw- shared file=m
uffd_register s 4p missing
read s => uffd-missing
write s+1p 1 => uffd-missing
mmap p 4p rw- private file=m
uffd_register p 4p missing
read p => uffd-missing
write p+1p 1 => uffd-missing
status VmPTE => +20 kB
pagemap a => none
pagemap_scan a 4p anyof=written,present vec_len=4 count => regions=1 pages=4 walk_end=100000004000
pagemap_scan s 4p anyof=written,present vec_len=4 count => regions=0 pages=0 walk_end=100040004000
pagemap_scan p 4p anyof=written,present vec_len=4 count => regions=0 pages=0 walk_end=100080004000
