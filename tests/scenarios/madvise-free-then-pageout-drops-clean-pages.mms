# MADV_FREE makes the pages only this process maps lazily freeable
# (clean, old); MADV_PAGEOUT then drops them - no swap is needed for
# that - and they read as zero, unless a store redirtied them first.
mmap a 4p rw- private
write a 7 2p
madvise a 4p free
smaps a Private_Clean => 8 kB
smaps a Referenced => 0 kB
read a => 7
write a+1p 9
madvise a 4p pageout
pagemap a => none
pagemap a+1p => present excl
read a => 0
read a+1p => 9
read a+4097 => 7
