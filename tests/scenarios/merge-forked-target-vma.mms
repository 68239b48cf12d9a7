# Port of merge.c, forked_target_vma: in a child, a faulted VMA inherited
# by fork does not merge with a new VMA mapped next to it.
mmap c 30p --- private
mmap a 5p rw- private,fixed at=c+1p
write a 0x78
fork child
@child mmap b 5p rw- private,fixed at=a+5p
@child maps =>
| 100000000000-100000001000 ---p 00000000
| 100000001000-100000006000 rw-p 00000000
| 100000006000-10000000b000 rw-p 00000000
| 10000000b000-10000001e000 ---p 00000000
