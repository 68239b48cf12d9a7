# Rule (mm/memory.c copy_present_pte): fork() does not copy private anonymous
# pages; parent and child map the same frame, write-protected and no longer
# exclusive (PageAnonExclusive cleared), until one of them writes.
mmap a 2p rw- private
write a 0x11 2p
pagemap a => present excl
fork child
frame a @child a => same
frame a+1p @child a+1p => same
pagemap a => present
@child pagemap a => present
@child write a+1p 0x22
frame a @child a => same
frame a+1p @child a+1p => different
@child pagemap a+1p => present excl
read a+1p => 0x11
