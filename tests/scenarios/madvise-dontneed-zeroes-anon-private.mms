# MADV_DONTNEED on private anonymous memory drops the pages: Rss falls to
# zero and the next access sees zero-filled memory.
mmap a 2p rw- private
write a 0x55 2p
smaps a Rss => 8 kB
madvise a 2p dontneed
smaps a Rss => 0 kB
pagemap a => none
read a 2p => 0
maps =>
| 100000000000-100000002000 rw-p 00000000
