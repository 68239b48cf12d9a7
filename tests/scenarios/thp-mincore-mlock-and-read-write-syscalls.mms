# THP-backed memory under mincore, mlock, mlockall and read()/write():
# mincore reports a PMD (a THP or the huge zero PMD) resident page by
# page; mlockall on a writable private mapping populates for write, so
# the huge zero PMD is replaced by a THP and the empty range gets one;
# mlock of part splits the VMA and the PMD; pread() into the huge zero
# PMD faults a THP in.  Expectations generated with mmsim diff -v, which
# agreed.
require thp=madvise thp_2048k=inherit thp_zero_page=on
mmap a 6m rw- private
madvise a 6m hugepage
touch a 2m w
read a+2m => 0x00
mincore a+511p 3p => 111
mincore a+1023p 2p => 10
mlockall current
smaps a AnonHugePages => 6144 kB
smaps a Locked => 6144 kB
touch a+4m 4k w
smaps a AnonHugePages => 6144 kB
smaps a Rss => 6144 kB
munlockall
memfd f 8k
syswrite f 0 a+100p 8k => 8192
sysread f 0 a+2m 4k => 4096
smaps a AnonHugePages => 6144 kB
read a+2m => 0x00
mmap b 4m rw- private
madvise b 4m hugepage
read b => 0x00
read b+2m => 0x00
mincore b+511p 3p => 111
write b+2m 7 1p
syswrite f 0 b+2m 4k => 4096
sysread f 0 b 4k => 4096
smaps b AnonHugePages => 4096 kB
smaps b Rss => 4096 kB
read b => 0x07
read b+1p => 0x00
# MADV_NOHUGEPAGE keeps the host's khugepaged from collapsing the
# split range back
madvise b 4m nohugepage
mlock b+1m 4k
smaps b AnonHugePages => 0 kB
smaps b Locked => 0 kB
smaps b+1m Locked => 4 kB
smaps b+257p AnonHugePages => 2048 kB
