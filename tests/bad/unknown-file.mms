mmap a 1p rw- shared file=nofile
