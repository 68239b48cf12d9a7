# userfaultfd over THP-eligible memory: a missing-mode range gets no THP
# (the fault goes to the monitor, UFFDIO_COPY fills small pages); in the
# asynchronous write-protect mode (UFFD_FEATURE_WP_ASYNC) a write to a
# protected THP splits its PMD and resolves only the page written
# (PAGEMAP_SCAN then sees one written page, none huge); resolving part of
# the range leaves the rest protected.  Expectations generated with
# mmsim diff -v, which agreed.
require thp=madvise thp_2048k=inherit thp_zero_page=on
uffd_api wp_async
mmap a 4m rw- private
madvise a 4m hugepage
uffd_register a 2m missing
read a => uffd-missing
touch a 4k w => uffd-missing
uffd_copy a 4k 7
read a => 0x07
smaps a AnonHugePages => 0 kB
touch a+2m 2m w
smaps a+2m AnonHugePages => 2048 kB
# MADV_NOHUGEPAGE keeps the host's khugepaged from collapsing the split
# range back while the scenario runs
madvise a 4m nohugepage
uffd_register a+2m 2m wp
uffd_wp a+2m 2m
write a+2m 1
pagemap_scan a+2m 2m anyof=written,huge count => regions=1 pages=1 walk_end=100000400000
uffd_unwp a+2m 1m
pagemap_scan a+2m 2m anyof=written count => regions=1 pages=256 walk_end=100000400000
smaps a+2m AnonHugePages => 0 kB
write a+2m 1
read a+2m => 0x01
