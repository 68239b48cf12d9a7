# cow.c anon #2 "Basic COW after fork() with mprotect() optimization":
# mprotect(R) then mprotect(RW) must not map the COW-shared page writable.
mmap a 1p rw- private
write a 0x01 1p
fork child
mprotect a 1p r--
mprotect a 1p rw-
write a 0xff 1p
@child read a 1p => 0x01
read a 1p => 0xff
