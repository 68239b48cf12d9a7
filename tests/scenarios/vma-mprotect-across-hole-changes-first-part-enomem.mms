# mprotect over a range with a hole returns ENOMEM, but the VMAs before the
# hole have already been changed (do_mprotect_pkey stops at the hole, it
# does not roll back).
mmap a 3p rw- private
munmap a+1p 1p
mprotect a 3p r-- => ENOMEM
maps =>
| 100000000000-100000001000 r--p 00000000
| 100000002000-100000003000 rw-p 00000000
write a 1 => SIGSEGV
write a+2p 1
