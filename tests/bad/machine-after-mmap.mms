mmap a 1p rw- private
machine ram=64m
