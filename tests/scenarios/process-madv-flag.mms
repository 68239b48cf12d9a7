# process_madv.c, flag: any flag is EINVAL (none is defined).
mmap map 1p r-- private
process_madvise self dontneed map 1p flags=0x80000000 => EINVAL
process_madvise self dontneed map 1p flags=1 => EINVAL
