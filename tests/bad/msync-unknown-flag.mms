mmap a 1p rw- private
msync a 1p sync,later
