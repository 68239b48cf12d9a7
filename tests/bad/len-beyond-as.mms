mmap a 0x1000000000000 rw- private
