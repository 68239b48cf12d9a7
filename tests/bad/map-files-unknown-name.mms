mmap a 1p rw- private
map_files {b}-{a+1p}
