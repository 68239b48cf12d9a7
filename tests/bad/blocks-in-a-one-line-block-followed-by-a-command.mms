# The one-line block form of `=> blocks` ends a scenario too.
mmap a 1p rw- private
fork child
uffd_register a 1p missing
@child process_vm_readv @main a 1p =>
| blocks
@child exit
