# mremap to a smaller size keeps the mapping in place and unmaps the tail:
# the head keeps its contents, the tail faults with SIGSEGV.
mmap a 3p rw- private
write a 0x11 3p
mremap a 3p 1p
maps =>
| 100000000000-100000001000 rw-p 00000000
read a 1p => 0x11
read a+1p => SIGSEGV
read a+2p => SIGSEGV
