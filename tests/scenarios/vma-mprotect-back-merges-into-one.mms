# Restoring the original protection of a split-off middle page merges the
# three VMAs back into one: same flags (VM_ACCOUNT kept across rw->r--->rw),
# same anon_vma, contiguous pgoff.
mmap a 3p rw- private
write a 0x11 3p
mprotect a+1p 1p r--
mprotect a+1p 1p rw-
maps =>
| 100000000000-100000003000 rw-p 00000000
read a 3p => 0x11
