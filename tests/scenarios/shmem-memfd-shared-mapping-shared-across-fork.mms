# Rule (mm/shmem.c, kernel/fork.c dup_mmap): a MAP_SHARED memfd mapping is
# inherited by the child and maps the same page-cache pages: no COW, writes
# are visible both ways and through pread.
memfd f 1p
mmap m 1p rw- shared file=f
write m 0x11
fork child
@child read m => 0x11
frame m @child m => same
@child write m 0x22
read m => 0x22
pread f 0 => 0x22
