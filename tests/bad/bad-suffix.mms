mmap a 1q rw- private
