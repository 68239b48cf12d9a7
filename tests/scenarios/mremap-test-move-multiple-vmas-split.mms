# Port of mremap_test.c, mremap_move_multiple_vmas_split(): a move whose
# range starts and ends inside VMAs splits them; a gap at the start of
# the range is EFAULT.
mmap s 10p rw- private
mprotect s+3p 3p r--
mremap s+1p 8p 8p maymove to=0x100100000000 as=d
maps =>
| 100000000000-100000001000 rw-p 00000000
| 100000009000-10000000a000 rw-p 00000000
| 100100000000-100100002000 rw-p 00000000
| 100100002000-100100005000 r--p 00000000
| 100100005000-100100008000 rw-p 00000000
mremap s+1p 2p 2p maymove to=0x100200000000 => EFAULT
