# With transparent_hugepage/enabled "madvise", only VMAs advised
# MADV_HUGEPAGE get THPs; MADV_NOHUGEPAGE takes the eligibility away again
# (existing THPs stay).  THPeligible says so before any fault.
# Host-verified.
require thp=madvise thp_2048k=inherit
mmap a 4m rw- private
smaps a THPeligible => 0
touch a 4m w
smaps a AnonHugePages => 0 kB
smaps a Rss => 4096 kB
mmap b 4m rw- private
madvise b 4m hugepage
smaps b THPeligible => 1
touch b 2m w
madvise b 4m nohugepage
smaps b THPeligible => 0
touch b+2m 2m w
smaps b AnonHugePages => 2048 kB
smaps b VmFlags => rd wr mr mw me ac nh
