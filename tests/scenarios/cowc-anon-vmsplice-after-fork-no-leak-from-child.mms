# Model only: the page reference vmsplice() leaves in a pipe is taken and
# read here with gup_get/gup_read, which the native agent cannot do on the
# host.
require model
# cow.c anon #6 "vmsplice() + unmap in parent after fork()".
mmap a 1p rw- private
write a 0x01 1p
fork child
gup_get R a 1p
munmap a 1p
@child write a 0xff 1p
gup_read R => 0x01
