mmap a 2p rw-
