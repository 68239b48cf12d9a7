mmap a 1p rw- private
pagemap_scan a 1p vec_len=2000000
