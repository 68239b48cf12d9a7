# A THP needs a 2 MiB-aligned 2 MiB range inside the VMA: a 3 MiB VMA that
# starts 4 KiB past a 2 MiB boundary has none (THPeligible 0, small pages
# only); a 2 MiB-aligned VMA of 2 MiB has one.  Host-verified.
require thp=madvise thp_2048k=inherit
mmap a 3m rw- private at=0x100040001000
madvise a 3m hugepage
smaps a THPeligible => 0
touch a 3m w
smaps a AnonHugePages => 0 kB
smaps a Rss => 3072 kB
mmap b 2m rw- private
madvise b 2m hugepage
smaps b THPeligible => 1
write b 1
smaps b AnonHugePages => 2048 kB
