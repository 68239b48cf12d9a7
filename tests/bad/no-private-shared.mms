mmap a 1p rw- populate
