# Rule (cow.c "Basic COW after fork()"): after fork() a private anonymous page
# is shared read-only; a write by the parent breaks COW in the parent, so the
# child keeps seeing the old contents ("No leak from parent into child").
mmap a 1p rw- private
write a 0x01 1p
fork child
@child read a 1p => 0x01
write a 0xff 1p
read a 1p => 0xff
@child read a 1p => 0x01
frame a @child a => different
