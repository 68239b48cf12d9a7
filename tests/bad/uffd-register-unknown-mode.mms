mmap a 1p rw- private
uffd_register a 1p minr
