require thp=madvise
# split_huge_page_test.c, split_pmd_thp_to_order(3): four PMD-mapped THPs
# written with a pattern, split through debugfs split_huge_pages to order
# 3: the contents stay, no PMD maps them any more (AnonHugePages 0), and
# every page stays mapped (Rss). The selftest also reads /proc/kpageflags for
# the new folios' orders, which the language does not show on the host:
# split-huge-pages-orders checks them on the model (`counts`). On a host
# without debugfs mounted at /sys/kernel/debug the scenario is skipped.
mmap a 8m rw- private
madvise a 8m hugepage
write a 0x11 8m
write a+1p 0x22 1p
write a+515p 0x33 2p
write a+1535p 0x44 2p
write a+0x7fffff 0x55
smaps a AnonHugePages => 8192 kB
split_huge_pages a 8m order=3
read a 1p => 0x11
read a+1p 1p => 0x22
read a+2p 1p => 0x11
read a+515p 2p => 0x33
read a+517p => 0x11
read a+1535p 2p => 0x44
read a+1537p => 0x11
read a+0x7ffffe => 0x11
read a+0x7fffff => 0x55
smaps a AnonHugePages => 0 kB
smaps a Rss => 8192 kB
