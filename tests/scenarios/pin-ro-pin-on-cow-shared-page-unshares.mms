require model
# Rule (cow.c "R/O GUP pin on R/O-mapped shared page"; mm/gup.c
# gup_must_unshare, FAULT_FLAG_UNSHARE): a read-only long-term pin of a
# COW-shared anonymous page must unshare it first, or a later write by the
# pinning process would COW away from the pinned page. The host cannot take
# read-only pins (io_uring registers writable buffers).
mmap a 1p rw- private
write a 0x01 1p
fork child
frame a @child a => same
pin P a 1p ro
frame a @child a => different
pagemap a => present excl
write a 0xff 1p
pagemap a => present excl
@child read a 1p => 0x01
