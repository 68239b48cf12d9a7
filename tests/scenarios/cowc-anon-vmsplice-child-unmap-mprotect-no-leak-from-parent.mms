# Model only: the page reference vmsplice() leaves in a pipe is taken and
# read here with gup_get/gup_read, which the native agent cannot do on the
# host.
require model
# cow.c anon #4: as #3, with the parent's mprotect(R)/mprotect(RW) before the
# write; mprotect must not map the page writable behind the reference.
mmap a 1p rw- private
write a 0x01 1p
fork child
@child gup_get R a 1p
@child munmap a 1p
mprotect a 1p r--
mprotect a 1p rw-
write a 0xff 1p
@child gup_read R => 0x01
