# madv_populate.c, test_populate_read: 2 MiB not populated at first,
# every page populated (present or swapped, as PAGEMAP_SCAN says) after
# MADV_POPULATE_READ.
mmap addr 2m rw- private
pagemap_scan addr 2m anyof=present,swapped count => regions=0 pages=0 walk_end=100000200000
madvise addr 2m populate_read
pagemap_scan addr 2m anyof=present,swapped return=0 count => regions=1 pages=512 walk_end=100000200000
