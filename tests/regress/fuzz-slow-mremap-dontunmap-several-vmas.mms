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
# cow.c anon #7 "R/O-mapping a page registered as iouring fixed a a
# R/W long-term pin stays reliable when the PTE becomes read-only and
mem_write d-1p 0xfc
profile soft_dirty=on
mmap a 1p rw- private
write a 0x01 1p
pin P a 1p
mprotect a 2p r--
clear_refs 4
mprotect a 1p rw-
uffd_wp d+1 8p
mremap s 6p 6p maymove dontunmap to=0x100100000000 as=d
maps =>
| 100000000000-100000001000 rw-p 00000000
| 100000001000-100000002000 r--p 00000000
| 100000002000-100000003000 rw-p 00000000
| 100000004000-100000006000 rw-p 00000000
# sealed
# Port of tools/testing/selftests/mm/mseal_test.c, test_seal_mprotect().
page_status a+1p => node 0
memfd g2 4096
page_status 0 => EFAULT
memfd f 1p
mmap s 1p rw- shared file=f
read s => 0x00
# madvise over a range with a hole returns ENOMEM, but the advice is still
# applied to every mapped part of the range (madvise_walk_vmas goes on).
mmap a 3p rw- private
munmap a+1p 1p
madvise a 3p dontfork => ENOMEM
smaps a VmFlags => rd wr mr mw me dc ac
smaps a+2p VmFlags => rd wr mr mw me dc ac
fork child
maps --ruler
