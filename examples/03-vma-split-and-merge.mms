# 03 - VMAs split and merge
#
# A VMA has one protection for its whole range. Changing the protection of
# part of it (mprotect) therefore splits it; changing it back lets the kernel
# merge the neighbours again, because they are now identical and adjacent
# (mm/vma.c, vma_modify / vma_merge_existing_range).

mmap a 4p rw- private
write a 0x01 4p
maps =>
| 100000000000-100000004000 rw-p 00000000

# Make page 1 read-only: one VMA becomes three.
mprotect a+1p 1p r--
maps =>
| 100000000000-100000001000 rw-p 00000000
| 100000001000-100000002000 r--p 00000000
| 100000002000-100000004000 rw-p 00000000

# The read-only page can still be read, but a store is now a protection fault.
read a+1p => 0x01
write a+1p 0x02 => SIGSEGV
smaps a+1p VmFlags => rd mr mw me ac      # "wr" is gone from the middle VMA

# Back to rw-: the three VMAs are compatible again and merge into one.
mprotect a+1p 1p rw-
maps =>
| 100000000000-100000004000 rw-p 00000000
write a+1p 0x02

# munmap of a middle page also splits, leaving a hole that faults.
munmap a+2p 1p
maps =>
| 100000000000-100000002000 rw-p 00000000
| 100000003000-100000004000 rw-p 00000000
read a+2p => SIGSEGV

# Mapping anonymous memory exactly into the hole ("at=") fills it. The new VMA
# is compatible with both neighbours, so all three merge on the spot.
mmap h 1p rw- private at=0x100000002000
maps =>
| 100000000000-100000004000 rw-p 00000000
read a+3p => 0x01            # the old pages kept their contents
