mmap a 1p rw- private
mincore a 5g
