mmap a 1p rw- private
mlock a 1p always
