# `=> blocks` ends a scenario: the process waits for ever, so nothing can
# come after it - found before the command runs.  Comments may follow.
mmap a 1p rw- private
fork child
uffd_register a 1p missing
@child process_vm_readv @main a 1p => blocks
# the child waits for ever

read a
