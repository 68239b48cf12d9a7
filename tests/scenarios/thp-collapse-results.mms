# MADV_COLLAPSE (madvise_collapse()): each 2 MiB-aligned range of the
# advised range becomes a THP, whatever transparent_hugepage/enabled says
# (but not under MADV_NOHUGEPAGE: EINVAL).  An empty PMD fails its range
# (EINVAL, as the last failure); a range holding no aligned 2 MiB is
# EINVAL; a range already PMD-mapped, or mapped by the huge zero PMD,
# counts as done.  Empty entries read as zeroes in the new THP, and a pin
# on one of the pages makes it EAGAIN.  Host-verified.
require thp=madvise thp_2048k=inherit thp_zero_page=on
mmap e 2m rw- private
madvise e 2m hugepage
madvise e 2m collapse => EINVAL
mmap z 2m rw- private
madvise z 2m hugepage
read z
madvise z 2m collapse => ok
smaps z Rss => 0 kB
mmap n 2m rw- private
madvise n 2m nohugepage
write n 1
write n+2p 2
madvise n 2m collapse => EINVAL
madvise n 2m hugepage
madvise n 2m collapse => ok
smaps n AnonHugePages => 2048 kB
read n => 1
read n+1p => 0
read n+2p => 2
mmap u 4m rw- private
write u 1 2m
madvise u 3m collapse => ok
smaps u AnonHugePages => 2048 kB
madvise u+1p 2p collapse => EINVAL
madvise u+2m 2m collapse => EINVAL
mmap one 1p rw- private
write one 1
madvise one 1p collapse => EINVAL
mmap p 2m rw- private
madvise p 2m hugepage
write p 1 2m
mprotect p+1p 1p r--
mprotect p+1p 1p rw-
pin P p+2p 1p
madvise p 2m collapse => EAGAIN
smaps p AnonHugePages => 0 kB
unpin P
madvise p 2m collapse => ok
smaps p AnonHugePages => 2048 kB
read p 2m => 1
