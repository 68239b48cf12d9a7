mmap a 1p rw- private
procmap_query a anonymous
