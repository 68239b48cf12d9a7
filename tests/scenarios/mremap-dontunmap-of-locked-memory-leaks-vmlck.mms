# Host-verified (Linux 6.18): MREMAP_DONTUNMAP of locked memory unlocks
# the source VMA (which keeps VM_ACCOUNT) without uncharging locked_vm,
# while the destination is charged again: VmLck counts the pages twice,
# and after both are unmapped it still counts them once.  The model
# reproduces the kernel's accounting, leak included.
mmap a 2p rw- private,locked
status VmLck => 8 kB
mremap a 2p 2p maymove dontunmap to=a+1g as=b
smaps a VmFlags => rd wr mr mw me ac
smaps b VmFlags => rd wr mr mw me lo ac
status VmLck => 16 kB
munmap a 2p
munmap b 2p
status VmLck => 8 kB
