# FOLL_FORCE (ptrace, /proc/PID/mem; cf. selftests/mm/mkdirty.c): a forced
# write into a read-only MAP_PRIVATE mapping breaks COW first and writes the
# private anon copy; the file, other mappings and the protection stay as
# they were. A read-only MAP_SHARED mapping cannot be written (EIO).
memfd f 1p
pwrite f 0 0x01 4096
mmap mem 1p r-- private file=f
mmap smem 1p r-- shared file=f
read mem => 0x01
mem_write mem 0xff 1p
read mem 1p => 0xff
read smem 1p => 0x01
pread f 0 => 0x01
write mem 0x22 => SIGSEGV
read mem 1p => 0xff
mem_write smem 0x33 => EIO
read smem 1p => 0x01
mmap a 1p r-- private
mem_write a 0x44
read a => 0x44
mprotect a 1p rw-
write a 0x45
read a => 0x45
