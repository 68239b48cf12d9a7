require thp=madvise
# debugfs split_huge_pages as 6.18's split_huge_pages_pid() walks: what it
# leaves whole (the write itself always succeeds). Skipped on a host
# without debugfs mounted at /sys/kernel/debug.
mmap a 8m rw- private
madvise a 8m hugepage
write a 0x01 8m
smaps a AnonHugePages => 8192 kB
# an anon folio of order 1 cannot exist: nothing splits
split_huge_pages a 8m order=1
smaps a AnonHugePages => 8192 kB
# an order the folios do not exceed: nothing to do
split_huge_pages a 8m order=9
split_huge_pages a 8m order=4096
smaps a AnonHugePages => 8192 kB
# a pinned THP has references beyond its mappings: can_split_folio() says no
pin p a 2m
split_huge_pages a 2m
smaps a AnonHugePages => 8192 kB
unpin p
# the walk stops at the first address no VMA covers: the THPs past the
# hole stay PMD-mapped, the one before it is split
munmap a+4m 2m
split_huge_pages a 8m
smaps a AnonHugePages => 0 kB
smaps a+6m AnonHugePages => 2048 kB
read a 4m => 0x01
# starting inside a THP splits the whole folio
split_huge_pages a+1537p 1p
smaps a+6m AnonHugePages => 0 kB
smaps a+6m Rss => 2048 kB
read a+6m 2m => 0x01
