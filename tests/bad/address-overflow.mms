mmap a 1p rw- private
read a-0x200000000000
