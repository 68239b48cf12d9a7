# madv_populate.c, test_holes: a hole in the range, in the middle, at
# the end or at the start, makes both advices ENOMEM.
mmap addr 2m rw- private
munmap addr+1p 1p
madvise addr 2m populate_read => ENOMEM
madvise addr 2m populate_write => ENOMEM
madvise addr 2p populate_read => ENOMEM
madvise addr 2p populate_write => ENOMEM
madvise addr+1p 1p populate_read => ENOMEM
madvise addr+1p 1p populate_write => ENOMEM
