# Rule (mm/memory.c copy_present_pte): the eager fork copy of pinned pages
# applies to private anonymous pages only; a pinned page of a MAP_SHARED memfd
# mapping is shared by the child as usual (no COW exists for shared pages).
memfd f 1p
mmap m 1p rw- shared file=f
write m 0x11
pin P m 1p
fork child
@child read m => 0x11
frame m @child m => same
@child write m 0x22
read m => 0x22
