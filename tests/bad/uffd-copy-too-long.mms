mmap a 2g rw- private
uffd_copy a 2g 1
