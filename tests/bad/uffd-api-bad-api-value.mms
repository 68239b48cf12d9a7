mmap a 1p rw- private
uffd_api 0 api=zz
