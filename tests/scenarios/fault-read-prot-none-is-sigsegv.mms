# Any access to a --- (PROT_NONE) mapping raises SIGSEGV, and the data
# written before survives the round trip through PROT_NONE.
mmap a 1p rw- private
write a 0x11
mprotect a 1p ---
read a => SIGSEGV
write a 1 => SIGSEGV
mprotect a 1p r--
read a => 0x11
