# Model only: the page reference vmsplice() leaves in a pipe is taken and
# read here with gup_get/gup_read, which the native agent cannot do on the
# host.
require model
# cow.c anon #5 "vmsplice() before fork(), unmap in parent after fork()":
# the child's write must not reach the parent's read-only reference.
mmap a 1p rw- private
write a 0x01 1p
gup_get R a 1p
fork child
munmap a 1p
@child write a 0xff 1p
gup_read R => 0x01
@child read a 1p => 0xff
