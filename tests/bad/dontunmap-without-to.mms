# dontunmap moves: the kernel would choose the address without to=
mmap a 1p rw- private
mremap a 1p 1p maymove dontunmap
