# MADV_DONTNEED over a range with a hole: ENOMEM, yet both mapped parts
# have been zapped and read back as zeroes.
mmap a 3p rw- private
write a 0x11 3p
munmap a+1p 1p
madvise a 3p dontneed => ENOMEM
smaps a Rss => 0 kB
smaps a+2p Rss => 0 kB
read a 1p => 0
read a+2p 1p => 0
