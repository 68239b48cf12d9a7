# droppable.c: MAP_DROPPABLE memory may be freed by reclaim even though
# it was written - it then reads as zero.  The test waits for memory
# pressure from a child that allocates without end; here reclaim is asked
# for directly (MADV_PAGEOUT, on this host without swap), which a written
# ordinary private page survives.  The pages are not inherited by fork
# (dropped for the child, VM_WIPEONFORK).
mmap alloc 32p rw- droppable
write alloc 0x41 32p
read alloc 32p => 0x41
smaps alloc VmFlags => rd wr mr mw me nr wf dd dp
fork child
@child read alloc 32p => 0
madvise alloc 32p pageout
read alloc 32p => 0
smaps alloc Rss => 0 kB                 # zero page now: not counted
mmap plain 1p rw- private
write plain 0x42
madvise plain 1p pageout
read plain => 0x42                      # dirty anonymous: needs swap, stays
