mmap a 1p rw- private
uffd_continue a 1p wp wp
