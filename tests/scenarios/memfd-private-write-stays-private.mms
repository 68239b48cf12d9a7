# Rule (cow.c non-anon "Basic COW"; mm/memory.c wp_page_copy): a write to a
# MAP_PRIVATE file mapping copies the page-cache page into an anonymous page;
# the file and other mappings of it are not modified.
memfd f 1p
pwrite f 0 0x01 1p
mmap ro 1p r-- shared file=f
mmap p 1p rw- private file=f
read ro => 0x01
read p => 0x01
frame p @main ro => same        # read fault maps the page-cache page
pagemap p => present file
write p 0xff 1p
frame p @main ro => different
pagemap p => present excl       # now an anonymous copy
read p 1p => 0xff
read ro 1p => 0x01
pread f 0 => 0x01
