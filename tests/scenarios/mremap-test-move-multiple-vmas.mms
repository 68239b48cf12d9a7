# Port of mremap_test.c, mremap_move_multiple_vmas(): one mremap moves
# several VMAs (Linux 6.17) and keeps the gaps between them; contents
# move with them.
mmap s 12p rw- private
write s 0x61 12p
mprotect s+1p 1p r--
munmap s+3p 1p
mprotect s+6p 2p r--
munmap s+10p 1p
mremap s 12p 12p maymove to=0x100100000000 as=d
maps =>
| 100100000000-100100001000 rw-p 00000000
| 100100001000-100100002000 r--p 00000000
| 100100002000-100100003000 rw-p 00000000
| 100100004000-100100006000 rw-p 00000000
| 100100006000-100100008000 r--p 00000000
| 100100008000-10010000a000 rw-p 00000000
| 10010000b000-10010000c000 rw-p 00000000
read d 3p => 0x61
read d+3p => SIGSEGV
read d+11p => 0x61
