mmap a 1p rw- private
uffd_copy a 1p 1 missing
