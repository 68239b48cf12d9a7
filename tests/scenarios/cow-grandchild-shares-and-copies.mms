# Rule (kernel/fork.c dup_mmap + mm/memory.c): COW sharing is transitive over
# generations: parent, child and grandchild map one frame; a write in the
# middle generation copies for it alone, the others keep the original page.
mmap a 1p rw- private
write a 0x11 1p
fork child
@child fork gc
frame a @gc a => same
@child frame a @gc a => same
@child write a 0x22 1p
@child frame a @gc a => different
frame a @gc a => same
@gc read a 1p => 0x11
read a 1p => 0x11
@child read a 1p => 0x22
@gc write a 0x33
read a => 0x11
