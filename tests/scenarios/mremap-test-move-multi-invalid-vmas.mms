# Port of mremap_test.c, mremap_move_multi_invalid_vmas(): a VMA armed
# with userfaultfd cannot take part in a multi-VMA move (the move cannot
# wait for the monitor between VMAs).  Five one-page VMAs with holes
# between them, each registered (missing mode):
#   - moving the whole range is EFAULT and moves nothing: the first VMA
#     is refused before it moves, because the range goes on past it;
#   - moving that first VMA alone works;
#   - with an ordinary VMA first, the move takes it and stops, EFAULT,
#     at the first registered one;
#   - with only the last VMA registered, all but the last move.
#
#   s:  0   2   4   6   8   10
#      |u| |u| |u| |u| |u|
mmap s 10p rw- private
mmap d 10p --- private
munmap d 10p
uffd_register s+0p 1p missing
munmap s+1p 1p
uffd_register s+2p 1p missing
munmap s+3p 1p
uffd_register s+4p 1p missing
munmap s+5p 1p
uffd_register s+6p 1p missing
munmap s+7p 1p
uffd_register s+8p 1p missing
munmap s+9p 1p
mremap s 10p 10p maymove to=d => EFAULT
maps =>
| 100000000000-100000001000 rw-p 00000000
| 100000002000-100000003000 rw-p 00000000
| 100000004000-100000005000 rw-p 00000000
| 100000006000-100000007000 rw-p 00000000
| 100000008000-100000009000 rw-p 00000000
mremap s 1p 1p maymove to=d
munmap d 1p
mmap first 1p rw- private,fixed at=s
mremap s 10p 10p maymove to=d => EFAULT
maps =>
| 100000002000-100000003000 rw-p 00000000
| 100000004000-100000005000 rw-p 00000000
| 100000006000-100000007000 rw-p 00000000
| 100000008000-100000009000 rw-p 00000000
| 100040000000-100040001000 rw-p 00000000
munmap d 1p
munmap s 8p
mmap v0 1p rw- private,fixed at=s+0p
mmap v2 1p rw- private,fixed at=s+2p
mmap v4 1p rw- private,fixed at=s+4p
mmap v6 1p rw- private,fixed at=s+6p
mremap s 10p 10p maymove to=d => EFAULT
maps =>
| 100000008000-100000009000 rw-p 00000000
| 100040000000-100040001000 rw-p 00000000
| 100040002000-100040003000 rw-p 00000000
| 100040004000-100040005000 rw-p 00000000
| 100040006000-100040007000 rw-p 00000000
smaps s+8p VmFlags => rd wr mr mw me ac um
