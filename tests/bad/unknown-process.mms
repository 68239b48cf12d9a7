@ghost mmap a 1p rw- private
