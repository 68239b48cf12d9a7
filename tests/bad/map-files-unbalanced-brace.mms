mmap a 1p rw- private
map_files {a-{a+1p}
