# a process that exited has no memory to read
fork c
@c exit
process_vm_readv @c 0x100000000000 1
