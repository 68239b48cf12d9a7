mmap a 1p rw- private
uffd_move a a
