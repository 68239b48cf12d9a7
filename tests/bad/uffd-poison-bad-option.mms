mmap a 1p rw- private
uffd_poison a 1p wp
