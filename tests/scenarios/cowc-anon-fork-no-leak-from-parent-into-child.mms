# cow.c anon #1 "Basic COW after fork()": after fork the child keeps what it
# saw; the parent's later write must not leak into the child.
mmap a 1p rw- private
write a 0x01 1p
fork child
write a 0xff 1p
@child read a 1p => 0x01
read a 1p => 0xff
