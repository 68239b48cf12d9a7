# Model only: what a device reads through the pin (pin_read) has no host
# interface in the native agent.
require model
# cow.c anon #8 "fork() with an iouring fixed buffer": fork copies a pinned
# page for the child, so the parent's writes keep landing in the pinned page.
mmap a 1p rw- private
write a 0x01 1p
pin P a 1p
fork child
write a 0xff 1p
pin_read P => 0xff
@child read a 1p => 0x01
