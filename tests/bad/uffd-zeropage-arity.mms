mmap a 1p rw- private
uffd_zeropage a
