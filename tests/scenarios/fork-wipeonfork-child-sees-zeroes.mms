# Rule (kernel/fork.c dup_mmap, VM_WIPEONFORK): the child gets the VMA but
# not its pages; it reads zeroes while the parent keeps its data.
mmap a 1p rw- private
write a 0x11 1p
madvise a 1p wipeonfork
fork child
@child read a 1p => 0
read a 1p => 0x11
@child write a 0x22
read a => 0x11
