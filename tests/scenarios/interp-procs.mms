# Processes: fork, @NAME, exit; copy-on-write seen through frame.
mmap a 2p rw- private
write a 0x11
fork child
frame a @child a => same
@child read a => 0x11
@child write a 0x22
frame a @child a => different
read a => 0x11
@child read a => 0x22
@child fork grandchild
@grandchild read a => 0x22
@grandchild exit
@child exit
fork child                              # the name is free again
@child read a => 0x11
