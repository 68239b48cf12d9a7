# A write to an r-- mapping raises SIGSEGV; the read is allowed.
mmap a 1p r-- private
write a 1 => SIGSEGV
read a => 0
