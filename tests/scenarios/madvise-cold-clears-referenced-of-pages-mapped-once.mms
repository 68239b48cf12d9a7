# MADV_COLD deactivates the pages only this process maps: smaps stops
# counting them as referenced until they are touched again; a page still
# shared with a child after fork keeps its accessed bit.
mmap a 2p rw- private
write a 3 2p
smaps a Referenced => 8 kB
madvise a 1p cold
smaps a Referenced => 4 kB
read a => 3
smaps a Referenced => 8 kB
fork child
@child write a+1p 4
madvise a 2p cold
smaps a Referenced => 4 kB
