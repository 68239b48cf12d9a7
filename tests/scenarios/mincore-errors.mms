# mincore(2): the start must be page-aligned (EINVAL), the whole range
# mapped (ENOMEM), and inside the user address space (ENOMEM).
mmap a 2p rw- private
mincore a+1 1p => EINVAL
mincore a 3p => ENOMEM
mincore a+2p 1p => ENOMEM
mincore 0x7ffffffff000 2p => ENOMEM
