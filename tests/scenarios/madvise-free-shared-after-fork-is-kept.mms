# Pages shared with a child after fork are not this process's alone:
# MADV_FREE and MADV_PAGEOUT leave them be.
mmap a 2p rw- private
write a 1 2p
fork child
madvise a 2p free
madvise a 2p pageout
read a => 1
@child read a => 1
smaps a Rss => 8 kB
