# Rule (mm/memory.c): after a write, a MAP_PRIVATE file page is an anonymous
# copy; fork() COW-shares that copy like any anonymous page, and writes on
# either side stay private to that side and out of the file.
memfd f 1p
pwrite f 0 0x01 1p
mmap p 1p rw- private file=f
write p 0x11
fork child
frame p @child p => same
@child write p 0x22
frame p @child p => different
read p => 0x11
@child read p => 0x22
pread f 0 => 0x01
