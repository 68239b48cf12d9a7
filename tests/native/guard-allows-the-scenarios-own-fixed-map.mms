# Outside the arena, what the scenario mapped itself is its own.
mmap x 4p rw- private,fixed at=0x10000000000
write x 1 4p
mprotect x 1p r--
munmap x 4p
read x => SIGSEGV
