# Rule (mm/shmem.c): a store through a MAP_SHARED mapping dirties the page
# cache folio itself; pread() returns it without any msync().
memfd f 1p
mmap m 1p rw- shared file=f
write m 0x77 1p
pread f 0 => 0x77
pread f 4095 => 0x77
pagemap m => present file excl   # a page-cache page, mapped once
