# Model only: the page reference vmsplice() leaves in a pipe is taken and
# read here with gup_get/gup_read, which the native agent cannot do on the
# host.
require model
# cow.c anon #3 "vmsplice() + unmap in child" (CVE-2020-29374): the child's
# read-only GUP reference (no pin) must keep the old data when the parent
# writes: the parent's write fault sees an extra reference and copies.
mmap a 1p rw- private
write a 0x01 1p
fork child
@child gup_get R a 1p
@child munmap a 1p
write a 0xff 1p
@child gup_read R => 0x01
read a 1p => 0xff
