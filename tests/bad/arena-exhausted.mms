# an automatic placement that would end past the 47-bit address space
mmap a 0x700000001000 rw- private,noreserve
