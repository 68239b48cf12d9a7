# mremap moves a whole THP as one PMD when source and destination are
# 2 MiB-aligned; half a THP, or a move to an unaligned address, splits the
# PMD first and moves PTEs.  Contents move along.  Host-verified.
require thp=madvise thp_2048k=inherit
mmap d 4m rw- private
madvise d 4m hugepage
touch d 4m w
write d+9p 0x33
# MADV_NOHUGEPAGE keeps the host's khugepaged from collapsing split
# ranges back while the scenario runs
madvise d 4m nohugepage
mremap d 2m 2m maymove to=0x100200000000 as=e
smaps e AnonHugePages => 2048 kB
smaps e Rss => 2048 kB
read e+9p => 0x33
pagemap e+9p => present excl
mremap d+2m 1m 1m maymove to=0x100240000000 as=f
smaps f AnonHugePages => 0 kB
smaps f Rss => 1024 kB
smaps d+3m AnonHugePages => 0 kB
smaps d+3m Rss => 1024 kB
mremap e 2m 2m maymove to=0x100280001000 as=g
smaps g AnonHugePages => 0 kB
smaps g Rss => 2048 kB
read g+9p => 0x33
