# cow.c anon #8 on the host (io_uring fixed buffer = R/W long-term pin):
# with a pinned page, fork gives the child its own copy at once; the
# parent's write stays in the parent. (What the pin itself sees is checked
# in the model-only cowc-anon-rw-pin-fork-copies-eagerly.)
mmap a 1p rw- private
write a 0x01 1p
pin P a 1p
fork child
write a 0xff 1p
@child read a 1p => 0x01
read a 1p => 0xff
@child write a 0x22 1p
read a 1p => 0xff
unpin P
