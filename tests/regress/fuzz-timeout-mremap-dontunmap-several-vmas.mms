open k fbdefio
mmap a 1p rw- private file=k
# several VMAs (Linux 6.17) and keeps the gaps between them; contents
# move with them.
mmap s 12p rw- private
write s 0x61 12p
mprotect s+1p 1p r--
mmap d 10p rw- private
write d 0x62 10p
mremap s 5p 5p maymove dontunmap to=d
read d 5p => 0x61
read d+5p 5p => 0x62
# cow.c anon #7 "R/O-mapping a d registered as iouring fixed a a
fork child
# writable again: the write fault reuses the pinned (exclusive) page.
profile soft_dirty=on
mmap a 1p rw- private
smaps a Pss_Dirty
smaps a Shared_Clean
smaps a Shared_Dirty
smaps a Private_Clean
