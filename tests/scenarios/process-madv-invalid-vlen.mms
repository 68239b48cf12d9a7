# process_madv.c, invalid_vlen: more than UIO_MAXIOV (1024) iovecs is
# EINVAL, whatever they hold; 1024 is fine.
mmap map 1p r-- private
process_madvise self dontneed map 1p vlen=1025 => EINVAL
process_madvise self dontneed map 1p vlen=1024 => 4096
