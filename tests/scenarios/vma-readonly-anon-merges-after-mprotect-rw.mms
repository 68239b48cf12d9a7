# mprotect rw- on a read-only private anonymous VMA charges it and sets
# VM_ACCOUNT, so its flags become equal to the rw- neighbour's and the two
# VMAs merge.
mmap a 1p rw- private
mmap b 1p r-- private at=a+1p
mprotect b 1p rw-
smaps b VmFlags => rd wr mr mw me ac
maps =>
| 100000000000-100000002000 rw-p 00000000
