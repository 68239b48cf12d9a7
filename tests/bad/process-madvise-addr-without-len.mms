mmap a 1p rw- private
process_madvise self dontneed a
