# mTHP (alloc_anon_folio(), Linux 6.18): an anonymous write fault maps a
# folio of the highest enabled order below the PMD's whose naturally
# aligned range lies inside the VMA and has only empty PTEs, else the next
# order down, else one page.  Seen from user space in Rss: one byte
# written faults in the whole folio.  A host whose mTHP sizes are not so
# configured skips this (this host: all never).
require thp=always thp_2048k=never thp_16k=always thp_64k=always
mmap a 1m rw- private
write a+5p 1
smaps a Rss => 64 kB
pagemap a => present excl
pagemap a+15p => present excl
pagemap a+16p => none
# a zero page inside the next 64 kB range: 16 kB then, where it fits
read a+20p
write a+16p 1
smaps a Rss => 80 kB
# the 16 kB range around a+20p holds the zero page: one page only
write a+21p 1
smaps a Rss => 84 kB
# a VMA smaller than 64 kB: 16 kB folios
mmap b 32k rw- private
write b 1
smaps b Rss => 16 kB
# read faults still map the zero page, not a folio
mmap c 1m rw- private
read c
smaps c Rss => 0 kB
