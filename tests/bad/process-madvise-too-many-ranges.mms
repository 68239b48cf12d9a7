mmap a 9p rw- private
process_madvise self dontneed a 1p a 1p a 1p a 1p a 1p a 1p a 1p a 1p a 1p
