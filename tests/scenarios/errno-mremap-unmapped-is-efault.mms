# mremap of an address with no VMA fails with EFAULT.
mremap 0x100000000000 1p 2p => EFAULT
mmap a 1p rw- private
mremap a+1p 1p 2p => EFAULT
