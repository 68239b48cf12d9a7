# cow.c non-anon "Basic COW" on a tmpfile (a regular file on a disk
# filesystem): a write to the MAP_PRIVATE mapping is not seen through the
# read-only MAP_SHARED view of the same file, nor in the file.
file f 1p
pwrite f 0 0x01 4096
mmap mem 1p rw- private file=f
mmap smem 1p r-- shared file=f
read mem => 0x01
read smem => 0x01
write mem 0xff 1p
read smem 1p => 0x01
pread f 0 => 0x01
read mem 1p => 0xff
