mmap a 1p rw- private
process_madvise self dontneed a 1p vlen=100000
