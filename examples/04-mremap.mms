# 04 - mremap: grow, shrink and move a mapping
#
# mremap(2) changes the size of a mapping, and may move it. Moving does not
# copy memory: the kernel moves the page-table entries (mm/mremap.c,
# move_page_tables), so the same physical pages show up at the new address.

mmap a 2p rw- private
write a 0x11 2p

# Grow in place: the space after the VMA is free, so the VMA is just extended.
# The old pages stay where they are; the two new pages have no memory behind
# them until they are touched, like any fresh anonymous memory.
mremap a 2p 4p
maps =>
| 100000000000-100000004000 rw-p 00000000
read a+1p => 0x11
pagemap a+2p => none
write a+3p 0x33
read a+3p => 0x33

# Shrink: the tail is unmapped, its pages freed.
mremap a 4p 3p
maps =>
| 100000000000-100000003000 rw-p 00000000
read a+3p => SIGSEGV

# Growing in place is impossible if something is in the way. Put a mapping
# right after our VMA, and mremap without permission to move fails: ENOMEM.
mmap wall 1p rw- private at=0x100000003000
mremap a 3p 4p => ENOMEM

# With "maymove" and an explicit target ("to=", MREMAP_FIXED) the kernel moves
# the VMA. "as=b" binds the new address to the name b.
mremap a 3p 4p maymove to=0x100000200000 as=b
maps =>
| 100000003000-100000004000 rw-p 00000000
| 100000200000-100000204000 rw-p 00000000
read b => 0x11               # the data moved with the mapping
read b+1p => 0x11
read a => SIGSEGV            # nothing is left at the old address
