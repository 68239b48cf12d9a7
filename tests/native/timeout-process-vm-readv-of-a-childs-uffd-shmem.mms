# With --timeout=1: main reads a hole of a memfd through its child's
# mapping, which the child registered for missing faults; the child's
# agent is idle, so no monitor answers and main waits for ever in the
# host kernel.  (The model answers EFAULT.)
memfd f 1m
mmap a 1p rw- shared file=f
fork child
@child uffd_register a 1p missing
process_vm_readv @child a 1p
