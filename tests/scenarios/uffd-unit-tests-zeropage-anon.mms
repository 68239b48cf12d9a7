# Port of tools/testing/selftests/mm/uffd-unit-tests.c, case zeropage on
# anon (MAP_PRIVATE anonymous): a range registered for missing faults
# offers UFFDIO_ZEROPAGE; it maps the shared zero page (read-only: no
# anonymous page, so Rss stays 0 kB) into the empty
# page, which then reads as zeroes; a second UFFDIO_ZEROPAGE there finds
# the page mapped: EEXIST.
mmap a 2p rw- private
uffd_register a 1p missing ioctls => wake copy zeropage move poison
read a => uffd-missing
uffd_zeropage a 1p
read a 4096 => 0
pagemap a => present
smaps a Rss => 0 kB
uffd_zeropage a 1p => EEXIST
# the first write replaces the zero page with a private copy
write a 7
pagemap a => present excl
read a => 7
uffd_unregister a 1p
