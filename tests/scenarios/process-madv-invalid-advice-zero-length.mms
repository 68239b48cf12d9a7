# process_madv.c, invalid_advice_zero_length, as Linux 6.18 has it: an
# empty range is no work, and the advice is only checked per range, so
# an invalid advice (-1) over nothing returns 0 (later kernels check the
# advice first: the test expects EINVAL there).  A valid advice over an
# empty range is 0 too; an invalid one over a real range is EINVAL.
mmap map 1p r-- private
process_madvise self 0xffffffff 0 0 => 0
process_madvise self dontneed 0 0 => 0
process_madvise self 0xffffffff vlen=0 => 0
process_madvise self 0xffffffff map 1p => EINVAL
