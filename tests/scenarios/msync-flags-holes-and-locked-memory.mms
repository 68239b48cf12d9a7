# msync(2): async and sync together, unknown flags or an unaligned start
# are EINVAL; a hole in the range is ENOMEM; invalidating locked memory
# is EBUSY; flags 0 are allowed.
mmap a 4p rw- private
mmap s 1p r-- shared at=a+5p
msync a 1p sync
msync a 1p async
msync a 1p 0
msync a 1p sync,async => EINVAL
msync a 1p 8 => EINVAL
msync a+1 1p sync => EINVAL
msync a 6p sync => ENOMEM
msync a 6p async => ENOMEM
msync a 6p 0 => ENOMEM
msync a-1p 2p sync => ENOMEM
msync s 1p sync
mlock a+2p 1p
msync a 1p invalidate
msync a+2p 1p invalidate => EBUSY
msync a+2p 1p async
