mmap a 0x10000000000000000 rw- private
