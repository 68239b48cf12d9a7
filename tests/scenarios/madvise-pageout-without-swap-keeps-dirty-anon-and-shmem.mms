# The host has no swap.  MADV_PAGEOUT cannot page out dirty anonymous
# memory: it stays mapped (and referenced).  Shmem pages are unmapped -
# reclaim unmaps file pages before writing them back - but writing shmem
# back needs swap, so they stay in the page cache: mincore still counts
# them, and the next access maps them again with their contents.  With
# swap both would be paged out.
mmap a 2p rw- private
mmap s 2p rw- shared
write a 1 2p
write s 2 2p
madvise a 2p pageout
madvise s 2p pageout
smaps a Rss => 8 kB
smaps a Referenced => 8 kB
smaps s Rss => 0 kB
pagemap s => none
mincore s 2p => 11
read a => 1
read s => 2
smaps s Rss => 8 kB
