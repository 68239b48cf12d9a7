# Outside the arena the scenario's own mapping is whole pages, however
# few bytes it asked for: a mapping of 4097 bytes at 0x10000000000 is
# two pages, and remapping both is the scenario's business.
mmap x 4097 rw- private,fixed at=0x10000000000
write x+1p 0x11
mremap x 2p 4p maymove to=0x10000100000 => ok
read 0x10000101000 => 0x11
