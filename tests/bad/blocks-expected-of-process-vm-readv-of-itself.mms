# A process reading itself runs its own monitor, which serves the fault:
# it never blocks.
mmap a 1p rw- private
uffd_register a 1p missing
process_vm_readv @main a 1p => blocks
