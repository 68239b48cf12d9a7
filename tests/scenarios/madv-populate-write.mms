# madv_populate.c, test_populate_write: the same with
# MADV_POPULATE_WRITE (the pages are written: anonymous, present).
mmap addr 2m rw- private
pagemap_scan addr 2m anyof=present,swapped count => regions=0 pages=0 walk_end=100000200000
madvise addr 2m populate_write
pagemap_scan addr 2m anyof=present,swapped return=0 count => regions=1 pages=512 walk_end=100000200000
smaps addr Anonymous => 2048 kB
