# mkdirty.c, test_uffdio_copy: UFFDIO_COPY places a page in a read-only
# VMA registered for missing faults (the entry may be made dirty); it
# must not be writable: a store is SIGSEGV, the page keeps its bytes.
mmap dst 1p r-- private
uffd_api 0
uffd_register dst 1p missing
uffd_copy dst 1p 1
read dst 1p => 1
write dst 2 => SIGSEGV
read dst 1p => 1
pagemap dst => present excl
