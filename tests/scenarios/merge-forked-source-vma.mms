# Port of merge.c, forked_source_vma: in a child, a faulted VMA inherited
# by fork (its anon_vma shared with the parent's) does not merge with an
# unfaulted neighbour - neither when the neighbour is mapped RWX next to
# it (protections differ), nor when the forked VMA is then made RWX too
# and would be the source of the merge.
mmap c 30p --- private
mmap a 5p rw- private,fixed,noreserve at=c+1p
write a 0x78
fork child
@child touch a 5p w
@child mmap b 5p rwx private,fixed,noreserve at=c+6p
@child maps =>
| 100000000000-100000001000 ---p 00000000
| 100000001000-100000006000 rw-p 00000000
| 100000006000-10000000b000 rwxp 00000000
| 10000000b000-10000001e000 ---p 00000000
@child mprotect a 5p rwx
@child maps =>
| 100000000000-100000001000 ---p 00000000
| 100000001000-100000006000 rwxp 00000000
| 100000006000-10000000b000 rwxp 00000000
| 10000000b000-10000001e000 ---p 00000000
