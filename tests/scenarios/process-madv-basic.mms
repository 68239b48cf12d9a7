# process_madv.c, basic: process_madvise(2) on oneself (PIDFD_SELF) with
# four separate pages of a ten-page mapping: MADV_DONTNEED on each, the
# total advised as the result; those pages read zero, the others keep
# their bytes.
mmap map 10p rw- private
write map 0x41 10p
process_madvise self dontneed map 1p map+3p 1p map+5p 1p map+8p 1p => 16384
read map 1p => 0
read map+3p 1p => 0
read map+5p 1p => 0
read map+8p 1p => 0
read map+1p 1p => 0x41
read map+9p 1p => 0x41
