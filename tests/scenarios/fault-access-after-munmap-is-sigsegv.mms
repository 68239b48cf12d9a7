# After munmap, reads and writes in the range raise SIGSEGV.
mmap a 2p rw- private
write a 0x11 2p
munmap a 2p
read a => SIGSEGV
write a+1p 1 => SIGSEGV
maps =>
