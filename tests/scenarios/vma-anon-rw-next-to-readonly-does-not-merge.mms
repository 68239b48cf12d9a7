# An rw- private anonymous mapping next to an r-- one does not merge:
# the VMA flags differ (VM_WRITE, and VM_ACCOUNT which only writable
# private mappings get).
mmap a 1p rw- private
mmap b 1p r-- private at=a+1p
maps =>
| 100000000000-100000001000 rw-p 00000000
| 100000001000-100000002000 r--p 00000000
smaps a VmFlags => rd wr mr mw me ac
smaps b VmFlags => rd mr mw me
