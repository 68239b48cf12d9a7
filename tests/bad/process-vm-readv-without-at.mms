fork child
@child process_vm_readv main 0x100000000000 1p
