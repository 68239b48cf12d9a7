# madvise with a start address that is not page aligned fails with EINVAL.
mmap a 2p rw- private
write a 0x11
madvise a+1 1p dontneed => EINVAL
read a => 0x11
