mmap a 99999999999g rw- private
