require thp=madvise
# split_huge_page_test.c, split_pmd_zero_pages: four THPs written with zeroes
# only, split to order 0 through debugfs split_huge_pages: they read as zeroes
# still, no PMD maps them, and every zero-filled page became the shared zero
# page (since 6.12), so the resident size falls (the selftest compares RssAnon
# in /proc/self/status; the VMA's Rss says the same here). Skipped on a host
# without debugfs mounted at /sys/kernel/debug.
mmap a 8m rw- private
madvise a 8m hugepage
write a 0x00 8m
smaps a AnonHugePages => 8192 kB
smaps a Rss => 8192 kB
split_huge_pages a 8m order=0
read a 8m => 0x00
smaps a AnonHugePages => 0 kB
smaps a Rss => 0 kB
pagemap a+3m => present
