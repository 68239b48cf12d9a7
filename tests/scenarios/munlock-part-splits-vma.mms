# munlock of the middle page of an mlocked VMA clears VM_LOCKED there only,
# splitting the VMA in three; Locked counts only the locked VMAs' pages.
mmap a 3p rw- private
mlock a 3p
munlock a+1p 1p
maps =>
| 100000000000-100000001000 rw-p 00000000
| 100000001000-100000002000 rw-p 00000000
| 100000002000-100000003000 rw-p 00000000
smaps a+1p VmFlags => rd wr mr mw me ac
smaps a+1p Locked => 0 kB
smaps a+1p Rss => 4 kB
smaps a Locked => 4 kB
smaps a+2p VmFlags => rd wr mr mw me lo ac
