# Where the kernel refuses the reclaim advice: MADV_FREE is for
# anonymous private memory only; none of free, cold, pageout applies to
# locked memory or PFN maps (EINVAL); MADV_REMOVE needs a shared mapping
# that may write (private: EACCES; anonymous private: EINVAL) of a
# regular file (perf: ENODEV).
mmap a 2p rw- private
madvise a 1p remove => EINVAL
mlock a+1p 1p
madvise a 2p free => EINVAL
madvise a 2p cold => EINVAL
madvise a 2p pageout => EINVAL
madvise a 2p dontneed => EINVAL
mmap s 1p rw- shared
madvise s 1p free => EINVAL
madvise s 1p cold
memfd f 1p
mmap p 1p rw- private file=f
madvise p 1p remove => EACCES
madvise p 1p free => EINVAL
madvise p 1p cold
reopen r f rdonly
mmap q 1p r-- shared file=r
madvise q 1p remove => EACCES
open e perf
mmap b 2p rw- shared file=e
madvise b 1p remove => ENODEV
madvise b 1p free => EINVAL
madvise b 1p cold => EINVAL
madvise b 1p pageout => EINVAL
