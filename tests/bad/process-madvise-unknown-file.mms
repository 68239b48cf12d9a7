mmap a 1p rw- private
process_madvise nofile dontneed a 1p
