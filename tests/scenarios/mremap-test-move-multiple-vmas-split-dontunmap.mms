# Port of mremap_test.c, mremap_move_multiple_vmas_split(dontunmap): ten pages
# with a hole at page 5; one mremap of pages 2-8 (across the hole, each
# VMA only in part) with MREMAP_DONTUNMAP lands as two VMAs with the
# hole kept between them; each page's content moves with it.  The
# source VMAs stay whole (nothing is split off them) and read as zero
# where the pages left.  A range that starts in a hole is EFAULT.
#
#   s:  0 1 2 3 4 5 6 7 8 9          d:  0 1 2 3 4 5 6
#      |*********| |*******|    ->      |*****| |*****|
#           <------------->              2 3 4   6 7 8
mmap s 10p rw- private
mmap d 10p rw- private
munmap d 10p
munmap s+5p 1p
write s+0p 0x10 1p
write s+1p 0x11 1p
write s+2p 0x12 1p
write s+3p 0x13 1p
write s+4p 0x14 1p
write s+6p 0x16 1p
write s+7p 0x17 1p
write s+8p 0x18 1p
write s+9p 0x19 1p
mremap s+2p 7p 7p maymove dontunmap to=d
maps =>
| 100000000000-100000005000 rw-p 00000000
| 100000006000-10000000a000 rw-p 00000000
| 100040000000-100040003000 rw-p 00000000
| 100040004000-100040007000 rw-p 00000000
read d+0p 1p => 0x12
read d+1p 1p => 0x13
read d+2p 1p => 0x14
read d+3p => SIGSEGV
read d+4p 1p => 0x16
read d+5p 1p => 0x17
read d+6p 1p => 0x18
read s+1p 1p => 0x11
read s+9p 1p => 0x19
read s+2p 1p => 0
read s+8p 1p => 0
mremap s+5p 2p 2p maymove to=d+8p => EFAULT
